package org.district.plugins.lawyerroster.csv;

import java.util.Objects;

/**
 * One thing wrong with an imported roster file, said so that a coordinator can find it in the
 * spreadsheet and fix it.
 *
 * @param line   the spreadsheet row: the header is line 1 and the first data row line 2; a quoted
 *               cell that spans several text lines still makes one row, and blank rows count, as
 *               they do in a spreadsheet program. 0 for a problem with the whole file.
 * @param column the canonical English column name ({@code licence_no}, {@code phone}, ...), or
 *               null when the problem is with the file or the row as a whole
 * @param reason what is wrong, quoting the offending value where there is one
 */
public record RowProblem(int line, String column, String reason) {

    public RowProblem {
        if (line < 0) {
            throw new IllegalArgumentException("a line number cannot be negative: " + line);
        }
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        String where = line == 0 ? "file" : "line " + line;
        return column == null ? where + ": " + reason : where + ", " + column + ": " + reason;
    }
}
