package org.district.plugins.lawyerroster;

import java.util.List;

import org.district.platform.api.privacy.Mask;
import org.district.plugins.lawyerroster.api.Specialty;
import org.district.plugins.lawyerroster.api.WeeklyWindow;

/** What the roster answers with. Lists and public views never carry a phone or licence number in full. */
public final class Views {

    private Views() {
    }

    public record FirmView(long id, String name, String licenceNo, String address, String district) {
        static FirmView of(LawFirm firm) {
            return new FirmView(firm.getId(), firm.getName(), firm.getLicenceNo(), firm.getAddress(), firm.getDistrict());
        }
    }

    public record FirmRef(long id, String name) {
    }

    /** One lawyer in full, for the coordinator who opens their record. */
    public record LawyerView(long id, String name, String licenceNo, FirmRef firm, String phone, List<String> specialties,
            List<String> languages, List<String> availability, boolean active, double volunteerHours) {
        static LawyerView of(Lawyer lawyer, double hours) {
            return new LawyerView(lawyer.getId(), lawyer.getName(), lawyer.getLicenceNo(), ref(lawyer), lawyer.getPhone(),
                    codes(lawyer), lawyer.getLanguages(), windows(lawyer), lawyer.isActive(), hours);
        }
    }

    /** A lawyer in a list: phone and licence number masked. */
    public record LawyerListItem(long id, String name, String licenceNo, FirmRef firm, String phone, List<String> specialties,
            List<String> languages, List<String> availability, boolean active) {
        static LawyerListItem of(Lawyer lawyer) {
            return new LawyerListItem(lawyer.getId(), lawyer.getName(), Mask.licence(lawyer.getLicenceNo()), ref(lawyer),
                    Mask.phone(lawyer.getPhone()), codes(lawyer), lawyer.getLanguages(), windows(lawyer), lawyer.isActive());
        }
    }

    /** A lawyer as residents see them: public fields only. */
    public record PublicLawyer(long id, String name, String firm, List<String> specialties, List<String> languages) {
        static PublicLawyer of(Lawyer lawyer) {
            return new PublicLawyer(lawyer.getId(), lawyer.getName(), lawyer.getFirm().getName(), codes(lawyer), lawyer.getLanguages());
        }
    }

    public record DutyView(long id, String start, String end, String place, double hours) {
        static DutyView of(Duty duty) {
            return new DutyView(duty.getId(), duty.getStart().toString(), duty.getEnd().toString(), duty.getPlace(), duty.hours());
        }
    }

    /** What an import did, or in a dry run would do. */
    public record ImportReport(boolean dryRun, String encoding, int rows, int created, int updated, int unchanged, int firmsCreated) {
    }

    /** One specialty of the catalogue, for forms and filters. */
    public record SpecialtyView(String code, String zh) {
    }

    private static FirmRef ref(Lawyer lawyer) {
        return new FirmRef(lawyer.getFirm().getId(), lawyer.getFirm().getName());
    }

    static List<String> codes(Lawyer lawyer) {
        return lawyer.getSpecialties().stream().sorted().map(Specialty::code).toList();
    }

    private static List<String> windows(Lawyer lawyer) {
        return lawyer.windows().stream().map(WeeklyWindow::toString).toList();
    }
}
