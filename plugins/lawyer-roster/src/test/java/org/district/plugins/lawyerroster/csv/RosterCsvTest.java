package org.district.plugins.lawyerroster.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.district.plugins.lawyerroster.api.Specialty;
import org.district.plugins.lawyerroster.api.WeeklyWindow;
import org.junit.jupiter.api.Test;

class RosterCsvTest {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static final String ZHANG = "15101201810123456";
    private static final String LI = "15101201910654321";
    private static final String WANG = "51010202010111222";

    private static final String ENGLISH_HEADER = "licence_no,name,firm,specialties,languages,phone,availability,active";

    /** The bar association's sheet as a Chinese coordinator exports it: Chinese headers, CRLF, mixed separators. */
    private static final String CHINESE_SHEET = csv(
            "执业证号,姓名,律所,专业领域,语言,电话,值班时间,在职",
            ZHANG + ",张伟,四川蜀都律师事务所,劳动;合同,普通话;四川话,13812345678,周一 19:00-21:00；Sat 09:00-12:00,是",
            LI + ",李娜,北京大成（成都）律师事务所,婚姻家庭、tenancy,普通话,028-86123456,,否");

    @Test
    void readsUtf8WithBomAndChineseHeaders() {
        RosterCsv.Parsed parsed = RosterCsv.read(withBom(CHINESE_SHEET), null);

        assertEquals(StandardCharsets.UTF_8, parsed.charset());
        assertEquals(List.of(), parsed.problems());
        assertEquals(2, parsed.rows().size());

        RosterRow zhang = parsed.rows().get(0);
        assertEquals(2, zhang.line());
        assertEquals(ZHANG, zhang.licenceNo());
        assertEquals("张伟", zhang.name());
        assertEquals("四川蜀都律师事务所", zhang.firm());
        assertEquals(Set.of(Specialty.LABOUR, Specialty.CONTRACT), zhang.specialties());
        assertEquals(List.of("普通话", "四川话"), zhang.languages());
        assertEquals("13812345678", zhang.phone());
        assertEquals(List.of(
                new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(19, 0), LocalTime.of(21, 0)),
                new WeeklyWindow(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))), zhang.availability());
        assertTrue(zhang.active());

        RosterRow li = parsed.rows().get(1);
        assertEquals(3, li.line());
        assertEquals(Set.of(Specialty.FAMILY, Specialty.TENANCY), li.specialties());
        assertEquals("028-86123456", li.phone());
        assertEquals(List.of(), li.availability());
        assertFalse(li.active());
    }

    @Test
    void detectsGb18030AndReadsTheSameRows() {
        RosterCsv.Parsed fromUtf8 = RosterCsv.read(withBom(CHINESE_SHEET), null);

        RosterCsv.Parsed fromGb = RosterCsv.read(CHINESE_SHEET.getBytes(GB18030), null);

        assertEquals(GB18030, fromGb.charset());
        assertEquals(List.of(), fromGb.problems());
        assertEquals(fromUtf8.rows(), fromGb.rows());
    }

    @Test
    void readsGb18030WhenToldSo() {
        RosterCsv.Parsed parsed = RosterCsv.read(CHINESE_SHEET.getBytes(GB18030), GB18030);

        assertEquals(GB18030, parsed.charset());
        assertEquals(List.of(), parsed.problems());
        assertEquals("李娜", parsed.rows().get(1).name());
    }

    @Test
    void readsUtf8WithoutBom() {
        RosterCsv.Parsed parsed = RosterCsv.read(CHINESE_SHEET.getBytes(StandardCharsets.UTF_8), null);

        assertEquals(StandardCharsets.UTF_8, parsed.charset());
        assertEquals(List.of(), parsed.problems());
        assertEquals("张伟", parsed.rows().get(0).name());
    }

    @Test
    void gb18030BytesGivenAsUtf8AreOneFileProblem() {
        RosterCsv.Parsed parsed = RosterCsv.read(CHINESE_SHEET.getBytes(GB18030), StandardCharsets.UTF_8);

        assertEquals(StandardCharsets.UTF_8, parsed.charset());
        assertEquals(List.of(), parsed.rows());
        assertEquals(1, parsed.problems().size());
        RowProblem problem = parsed.problems().get(0);
        assertEquals(0, problem.line());
        assertNull(problem.column());
        assertTrue(problem.reason().startsWith("the file is not valid UTF-8"), problem.reason());
        assertTrue(problem.reason().contains("export it as UTF-8 or say encoding=GB18030"), problem.reason());
        assertTrue(problem.reason().contains("near line 1"), problem.reason());
    }

    @Test
    void bytesThatAreNeitherUtf8NorGb18030AreOneFileProblem() {
        byte[] content = concat(csv(ENGLISH_HEADER).getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xFF, (byte) 0x80});

        RosterCsv.Parsed parsed = RosterCsv.read(content, null);

        assertEquals(List.of(), parsed.rows());
        assertEquals(1, parsed.problems().size());
        assertEquals(0, parsed.problems().get(0).line());
        assertTrue(parsed.problems().get(0).reason().contains("neither UTF-8 nor GB18030"), parsed.problems().get(0).reason());
        assertTrue(parsed.problems().get(0).reason().contains("near line 2"), parsed.problems().get(0).reason());
    }

    @Test
    void readsEnglishHeadersInAnyOrderWithExtraColumns() {
        String sheet = csv(
                "Remarks,  FIRM ,Specialties,Licence_No,Name,Bar district",
                "joined 2019,Sichuan Shudu Law Firm,labour; CONTRACT,  " + ZHANG + " ,Zhang Wei,Wuhou");

        RosterCsv.Parsed parsed = RosterCsv.read(sheet.getBytes(StandardCharsets.UTF_8), null);

        assertEquals(List.of(), parsed.problems());
        assertEquals(List.of(new RosterRow(2, ZHANG, "Zhang Wei", "Sichuan Shudu Law Firm",
                Set.of(Specialty.LABOUR, Specialty.CONTRACT), List.of(), null, List.of(), true)), parsed.rows());
    }

    @Test
    void quotedCellsWithCommasAndNewlinesKeepSpreadsheetLineNumbers() {
        String sheet = csv(
                ENGLISH_HEADER,
                ZHANG + ",Zhang Wei,\"King & Wood, Mallesons\",\"labour,\ncontract\",\"Mandarin,\nSichuanese\",,\"Mon 19:00-21:00;\nSat 09:00-12:00\",yes",
                LI + ",Li Na,\"Dentons, Chengdu\",family,,12345,,");

        RosterCsv.Parsed parsed = RosterCsv.read(sheet.getBytes(StandardCharsets.UTF_8), null);

        assertEquals(1, parsed.rows().size());
        RosterRow zhang = parsed.rows().get(0);
        assertEquals(2, zhang.line());
        assertEquals("King & Wood, Mallesons", zhang.firm());
        assertEquals(Set.of(Specialty.LABOUR, Specialty.CONTRACT), zhang.specialties());
        assertEquals(List.of("Mandarin", "Sichuanese"), zhang.languages());
        assertEquals(2, zhang.availability().size());
        // The row after three text lines of quoted cells is still the third row of the spreadsheet.
        assertEquals(List.of(new RowProblem(3, "phone", parsed.problems().get(0).reason())), parsed.problems());
    }

    @Test
    void blankLinesAreSkippedButCountAsSpreadsheetRows() {
        String sheet = csv(ENGLISH_HEADER, "", ZHANG + ",Zhang Wei,Shudu,labour,,,,", ",,,,,,,", "  ", LI + ",Li Na,Dentons,family,,,,maybe");

        RosterCsv.Parsed parsed = RosterCsv.read(sheet.getBytes(StandardCharsets.UTF_8), null);

        assertEquals(List.of(3), parsed.rows().stream().map(RosterRow::line).toList());
        assertEquals(List.of(6), parsed.problems().stream().map(RowProblem::line).toList());
    }

    @Test
    void licenceOfWrongLengthIsAProblem() {
        assertOnlyProblem(row("1510120181012345", "Zhang Wei", "Shudu", "labour", "", "", "", ""),
                "licence_no", "has 16 digits; it must have exactly 17");
        assertOnlyProblem(row(ZHANG + "7", "Zhang Wei", "Shudu", "labour", "", "", "", ""),
                "licence_no", "has 18 digits");
    }

    @Test
    void licenceWithLettersOrBlanksIsAProblem() {
        assertOnlyProblem(row("1510120181012345X", "Zhang Wei", "Shudu", "labour", "", "", "", ""),
                "licence_no", "'1510120181012345X' may contain only the digits 0-9");
        assertOnlyProblem(row("15101 201810123456", "Zhang Wei", "Shudu", "labour", "", "", "", ""),
                "licence_no", "has blanks inside");
        assertOnlyProblem(row("１５１０１２０１８１０１２３４５６", "Zhang Wei", "Shudu", "labour", "", "", "", ""),
                "licence_no", "may contain only the digits 0-9");
    }

    @Test
    void licenceThatExcelTurnedIntoANumberIsExplained() {
        assertOnlyProblem(row("1.51012E+16", "Zhang Wei", "Shudu", "labour", "", "", "", ""),
                "licence_no", "turned into a number by the spreadsheet");
    }

    @Test
    void unknownSpecialtyIsQuotedWithTheAcceptedCodes() {
        RowProblem problem = assertOnlyProblem(row(ZHANG, "Zhang Wei", "Shudu", "劳动；maritime", "", "", "", ""),
                "specialties", "unknown specialty 'maritime'");
        for (Specialty specialty : Specialty.values()) {
            assertTrue(problem.reason().contains(specialty.code()), problem.reason());
        }
    }

    @Test
    void everyUnknownSpecialtyIsItsOwnProblem() {
        RosterCsv.Parsed parsed = read(row(ZHANG, "Zhang Wei", "Shudu", "maritime, labour, tax", "", "", "", ""));

        assertEquals(List.of(), parsed.rows());
        assertEquals(2, parsed.problems().size());
        assertTrue(parsed.problems().get(0).reason().contains("'maritime'"));
        assertTrue(parsed.problems().get(1).reason().contains("'tax'"));
    }

    @Test
    void badPhoneIsAProblem() {
        for (String phone : List.of("12812345678", "1381234567", "138-1234-5678", "+8613812345678", "28-86123456", "028-861234")) {
            assertOnlyProblem(row(ZHANG, "Zhang Wei", "Shudu", "labour", "", phone, "", ""), "phone", "'" + phone + "'");
        }
    }

    @Test
    void goodPhonesAreKeptAsWritten() {
        for (String phone : List.of("19912345678", "010-12345678", "02886123456", "0831-1234567")) {
            RosterCsv.Parsed parsed = read(row(ZHANG, "Zhang Wei", "Shudu", "labour", "", phone, "", ""));
            assertEquals(List.of(), parsed.problems(), phone);
            assertEquals(phone, parsed.rows().get(0).phone());
        }
    }

    @Test
    void unparseableWindowIsQuoted() {
        assertOnlyProblem(row(ZHANG, "Zhang Wei", "Shudu", "labour", "", "", "Mon 19:00-21:00; Funday 9-12", ""),
                "availability", "cannot read window 'Funday 9-12'");
        assertOnlyProblem(row(ZHANG, "Zhang Wei", "Shudu", "labour", "", "", "周八 19:00-21:00", ""),
                "availability", "cannot read window '周八 19:00-21:00'");
        assertOnlyProblem(row(ZHANG, "Zhang Wei", "Shudu", "labour", "", "", "Tue 21:00-19:00", ""),
                "availability", "cannot read window 'Tue 21:00-19:00'");
    }

    @Test
    void overlappingWindowsAreNamedBoth() {
        assertOnlyProblem(row(ZHANG, "Zhang Wei", "Shudu", "labour", "", "", "Mon 19:00-21:00；Wed 09:00-10:00;周一 20:00-22:00", ""),
                "availability", "windows 'Mon 19:00-21:00' and '周一 20:00-22:00' overlap");
    }

    @Test
    void windowsThatOnlyTouchDoNotOverlap() {
        RosterCsv.Parsed parsed = read(row(ZHANG, "Zhang Wei", "Shudu", "labour", "", "", "Mon 19:00-21:00; Mon 21:00-24:00", ""));

        assertEquals(List.of(), parsed.problems());
        assertEquals(2, parsed.rows().get(0).availability().size());
    }

    @Test
    void badActiveValueIsAProblem() {
        assertOnlyProblem(row(ZHANG, "Zhang Wei", "Shudu", "labour", "", "", "", "maybe"), "active", "'maybe'");
    }

    @Test
    void activeAcceptsEveryListedWord() {
        List<String> yes = List.of("true", "TRUE", "Yes", "是", "1", "");
        List<String> no = List.of("false", "No", "否", "0");
        for (String word : yes) {
            assertTrue(read(row(ZHANG, "Zhang Wei", "Shudu", "labour", "", "", "", word)).rows().get(0).active(), word);
        }
        for (String word : no) {
            assertFalse(read(row(ZHANG, "Zhang Wei", "Shudu", "labour", "", "", "", word)).rows().get(0).active(), word);
        }
    }

    @Test
    void missingRequiredCellIsAProblem() {
        assertOnlyProblem(row(ZHANG, "  ", "Shudu", "labour", "", "", "", ""), "name", "required but the cell is empty");
        assertOnlyProblem(row(ZHANG, "Zhang Wei", "Shudu", " ; 、", "", "", "", ""), "specialties", "required but the cell is empty");
        // A row shorter than the header lacks its last cells.
        RosterCsv.Parsed parsed = RosterCsv.read(csv(ENGLISH_HEADER, ZHANG + ",Zhang Wei").getBytes(StandardCharsets.UTF_8), null);
        assertEquals(List.of("firm", "specialties"), parsed.problems().stream().map(RowProblem::column).toList());
    }

    @Test
    void nameAndFirmLengthsAreLimited() {
        assertOnlyProblem(row(ZHANG, "张".repeat(51), "Shudu", "labour", "", "", "", ""), "name", "51 characters long; at most 50");
        assertOnlyProblem(row(ZHANG, "Zhang Wei", "所".repeat(101), "labour", "", "", "", ""), "firm", "at most 100");
        // A character outside the BMP is one character to the coordinator, though Java stores it as two chars.
        RosterCsv.Parsed parsed = read(row(ZHANG, "𠀀".repeat(50), "所".repeat(100), "labour", "", "", "", ""));
        assertEquals(List.of(), parsed.problems());
    }

    @Test
    void duplicateLicenceNamesTheEarlierLine() {
        String sheet = csv(ENGLISH_HEADER,
                ZHANG + ",Zhang Wei,Shudu,labour,,,,",
                LI + ",Li Na,Dentons,family,,,,",
                ZHANG + ",Zhang Wei,Shudu,contract,,,,");

        RosterCsv.Parsed parsed = RosterCsv.read(sheet.getBytes(StandardCharsets.UTF_8), null);

        assertEquals(List.of(2, 3), parsed.rows().stream().map(RosterRow::line).toList());
        assertEquals(List.of(new RowProblem(4, "licence_no", "licence number also on line 2")), parsed.problems());
    }

    @Test
    void duplicateLicenceCountsAnEarlierRowWithOtherFaults() {
        String sheet = csv(ENGLISH_HEADER,
                ZHANG + ",Zhang Wei,Shudu,labour,,not a phone,,",
                ZHANG + ",Zhang Wei,Shudu,labour,,,,");

        RosterCsv.Parsed parsed = RosterCsv.read(sheet.getBytes(StandardCharsets.UTF_8), null);

        assertEquals(List.of(), parsed.rows());
        assertEquals(new RowProblem(3, "licence_no", "licence number also on line 2"), parsed.problems().get(1));
    }

    @Test
    void everyFaultOfARowIsReported() {
        RosterCsv.Parsed parsed = read(row("1510120181012345X", "", "Shudu", "maritime", "普通话", "12345", "Mon 19:00-21:00;Mon 20:00-22:00", "perhaps"));

        assertEquals(List.of(), parsed.rows());
        assertEquals(List.of("licence_no", "name", "specialties", "phone", "availability", "active"),
                parsed.problems().stream().map(RowProblem::column).toList());
        assertTrue(parsed.problems().stream().allMatch(problem -> problem.line() == 2));
    }

    @Test
    void goodRowsAroundABadOneAreKept() {
        String sheet = csv(ENGLISH_HEADER,
                ZHANG + ",Zhang Wei,Shudu,labour,,,,",
                LI + ",Li Na,Dentons,family,,,,sometimes",
                WANG + ",Wang Fang,Tahota,criminal,,,,");

        RosterCsv.Parsed parsed = RosterCsv.read(sheet.getBytes(StandardCharsets.UTF_8), null);

        assertEquals(List.of(ZHANG, WANG), parsed.rows().stream().map(RosterRow::licenceNo).toList());
        assertEquals(List.of(3), parsed.problems().stream().map(RowProblem::line).toList());
    }

    @Test
    void missingRequiredColumnsAreOneProblemEachAndNoRows() {
        String sheet = csv("姓名,律所,语言", "张伟,四川蜀都律师事务所,普通话");

        RosterCsv.Parsed parsed = RosterCsv.read(sheet.getBytes(StandardCharsets.UTF_8), null);

        assertEquals(List.of(), parsed.rows());
        assertEquals(List.of(
                new RowProblem(1, "licence_no", "missing column licence_no (执业证号)"),
                new RowProblem(1, "specialties", "missing column specialties (专业领域)")), parsed.problems());
    }

    @Test
    void aColumnGivenTwiceIsAHeaderProblem() {
        String sheet = csv("licence_no,name,firm,specialties,姓名", ZHANG + ",Zhang Wei,Shudu,labour,张伟");

        RosterCsv.Parsed parsed = RosterCsv.read(sheet.getBytes(StandardCharsets.UTF_8), null);

        assertEquals(List.of(), parsed.rows());
        assertEquals(1, parsed.problems().size());
        assertEquals("name", parsed.problems().get(0).column());
        assertTrue(parsed.problems().get(0).reason().contains("columns B and E"), parsed.problems().get(0).reason());
    }

    @Test
    void emptyFileIsOneProblem() {
        for (byte[] content : List.of(new byte[0], UTF8_BOM, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII))) {
            RosterCsv.Parsed parsed = RosterCsv.read(content, null);

            assertEquals(List.of(), parsed.rows());
            assertEquals(1, parsed.problems().size());
            assertEquals(0, parsed.problems().get(0).line());
            assertNull(parsed.problems().get(0).column());
        }
    }

    @Test
    void headerWithoutRowsIsNeitherRowsNorProblems() {
        RosterCsv.Parsed parsed = RosterCsv.read(csv(ENGLISH_HEADER).getBytes(StandardCharsets.UTF_8), null);

        assertEquals(List.of(), parsed.rows());
        assertEquals(List.of(), parsed.problems());
    }

    @Test
    void unclosedQuoteIsAProblemNotAnException() {
        String sheet = csv(ENGLISH_HEADER,
                ZHANG + ",Zhang Wei,Shudu,labour,,,,",
                LI + ",\"Li Na,Dentons,family,,,,",
                WANG + ",Wang Fang,Tahota,criminal,,,,");

        RosterCsv.Parsed parsed = RosterCsv.read(sheet.getBytes(StandardCharsets.UTF_8), null);

        assertEquals(List.of(ZHANG), parsed.rows().stream().map(RosterRow::licenceNo).toList());
        assertEquals(1, parsed.problems().size());
        assertEquals(3, parsed.problems().get(0).line());
        assertNull(parsed.problems().get(0).column());
    }

    @Test
    void nullContentIsRefused() {
        assertThrows(NullPointerException.class, () -> RosterCsv.read(null, null));
    }

    private static RosterCsv.Parsed read(String dataRow) {
        return RosterCsv.read(csv(ENGLISH_HEADER, dataRow).getBytes(StandardCharsets.UTF_8), null);
    }

    /** Reads a one-row file and checks that the row was refused for exactly one reason. */
    private static RowProblem assertOnlyProblem(String dataRow, String column, String reasonPart) {
        RosterCsv.Parsed parsed = read(dataRow);
        assertEquals(List.of(), parsed.rows(), dataRow);
        assertEquals(1, parsed.problems().size(), () -> parsed.problems().stream().map(RowProblem::toString).collect(Collectors.joining("\n")));
        RowProblem problem = parsed.problems().get(0);
        assertEquals(2, problem.line());
        assertEquals(column, problem.column());
        assertTrue(problem.reason().contains(reasonPart), problem.reason());
        return problem;
    }

    /** A data row in the column order of {@link #ENGLISH_HEADER}, each cell quoted so that any text fits. */
    private static String row(String licenceNo, String name, String firm, String specialties, String languages, String phone,
            String availability, String active) {
        return List.of(licenceNo, name, firm, specialties, languages, phone, availability, active).stream()
                .map(cell -> "\"" + cell.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining(","));
    }

    /** Lines as Excel writes them: CRLF after every record. */
    private static String csv(String... lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    private static byte[] withBom(String text) {
        return concat(UTF8_BOM, text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }
}
