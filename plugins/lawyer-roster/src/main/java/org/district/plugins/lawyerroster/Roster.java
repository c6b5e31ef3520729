package org.district.plugins.lawyerroster;

import java.nio.charset.Charset;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.district.platform.api.access.Places;
import org.district.platform.api.persistence.ModuleDatabase;
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.platform.api.rest.Problem;
import org.district.platform.api.rest.Problem.FieldError;
import org.district.plugins.lawyerroster.Drafts.FirmDraft;
import org.district.plugins.lawyerroster.Drafts.LawyerDraft;
import org.district.plugins.lawyerroster.Lawyer.LawyerDetails;
import org.district.plugins.lawyerroster.Views.ImportReport;
import org.district.plugins.lawyerroster.api.Rota;
import org.district.plugins.lawyerroster.api.RotaSession;
import org.district.plugins.lawyerroster.api.Specialty;
import org.district.plugins.lawyerroster.api.WeeklyWindow;
import org.district.plugins.lawyerroster.csv.RosterCsv;
import org.district.plugins.lawyerroster.csv.RosterRow;
import org.district.plugins.lawyerroster.csv.RowProblem;
import org.district.plugins.lawyerroster.rota.Candidate;
import org.district.plugins.lawyerroster.rota.RotaPlanner;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The roster: firms, lawyers, their duties, imports, and rotas. Every change is one transaction.
 *
 * <p>A firm's place is its {@code district}, a lawyer's is their firm's. An operator limited to
 * places ({@link Places}) reads and changes only what lies in them; the check runs in the
 * transaction that loads the record, so a refused change writes nothing.
 */
@Component(service = Roster.class)
public class Roster {

    @Reference
    private ModuleDatabase database;

    // --- firms

    /** Firms by name; an operator limited to places sees the firms in them, counted before paging. */
    public Page<LawFirm> firms(PageRequest paging, Places places) {
        if (!places.isEverywhere()) {
            List<LawFirm> found = database.read(em -> em.createQuery("select f from LawFirm f order by f.name", LawFirm.class).getResultList())
                    .stream().filter(f -> places.covers(f.getDistrict())).toList();
            int from = Math.min(paging.offset(), found.size());
            return paging.of(found.subList(from, Math.min(from + paging.size(), found.size())), found.size());
        }
        return database.read(em -> paging.of(
                em.createQuery("select f from LawFirm f order by f.name", LawFirm.class)
                        .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList(),
                em.createQuery("select count(f) from LawFirm f", Long.class).getSingleResult()));
    }

    /** One firm, refused (403) to an operator whose places do not hold it. */
    public LawFirm firm(long id, Places places) {
        return database.read(em -> findFirm(em, id, places));
    }

    /** Adds a firm; an operator limited to places adds it only within them. */
    public LawFirm createFirm(FirmDraft draft, Places places) {
        places.require("district", blankToNull(draft.district()));
        return database.transaction(em -> {
            requireUniqueFirmName(em, draft.name().strip(), null);
            LawFirm firm = new LawFirm(draft.name().strip(), blankToNull(draft.licenceNo()), blankToNull(draft.address()), blankToNull(draft.district()));
            em.persist(firm);
            return firm;
        });
    }

    /** Changes a firm; an operator limited to places must hold it both before and after. */
    public LawFirm updateFirm(long id, FirmDraft draft, Places places) {
        places.require("district", blankToNull(draft.district()));
        return database.transaction(em -> {
            LawFirm firm = findFirm(em, id, places);
            requireUniqueFirmName(em, draft.name().strip(), id);
            firm.rename(draft.name().strip());
            firm.change(blankToNull(draft.licenceNo()), blankToNull(draft.address()), blankToNull(draft.district()));
            return firm;
        });
    }

    public void deleteFirm(long id, Places places) {
        database.execute(em -> {
            LawFirm firm = findFirm(em, id, places);
            long lawyers = em.createQuery("select count(l) from Lawyer l where l.firm = :f", Long.class).setParameter("f", firm).getSingleResult();
            if (lawyers > 0) {
                throw Problem.conflict("Law firm " + id + " still has " + lawyers + " lawyer(s) on the roster.");
            }
            em.remove(firm);
        });
    }

    private static LawFirm findFirm(EntityManager em, long id, Places places) {
        LawFirm firm = em.find(LawFirm.class, id);
        if (firm == null) {
            throw Problem.notFound("There is no law firm " + id + ".");
        }
        firm.requireWithin(places, "id");
        return firm;
    }

    private static void requireUniqueFirmName(EntityManager em, String name, Long except) {
        List<LawFirm> same = em.createQuery("select f from LawFirm f where f.name = :n", LawFirm.class).setParameter("n", name).getResultList();
        if (same.stream().anyMatch(f -> !f.getId().equals(except))) {
            throw Problem.conflict("There is already a law firm named '" + name + "'.");
        }
    }

    // --- lawyers

    /**
     * Who to look for; every part is optional but the places of the one asking
     * ({@link Places#everywhere()} for residents and other modules).
     */
    public record LawyerFilter(Specialty specialty, String district, String language, DayOfWeek availableOn, LocalTime availableAt, Boolean active,
            Places places) {
    }

    public Page<Lawyer> lawyers(LawyerFilter filter, PageRequest paging) {
        List<Lawyer> found = lawyers(filter);
        int from = Math.min(paging.offset(), found.size());
        return paging.of(found.subList(from, Math.min(from + paging.size(), found.size())), found.size());
    }

    /** Every lawyer the filter matches, by name. */
    public List<Lawyer> lawyers(LawyerFilter filter) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.specialty() != null) {
            where.append(" and :specialty member of l.specialties");
            parameters.put("specialty", filter.specialty());
        }
        if (filter.district() != null) {
            where.append(" and l.firm.district like :district");
            parameters.put("district", filter.district() + "%");
        }
        if (filter.language() != null) {
            where.append(" and :language member of l.languages");
            parameters.put("language", filter.language());
        }
        if (filter.active() != null) {
            where.append(" and l.active = :active");
            parameters.put("active", filter.active());
        }
        List<Lawyer> found = database.read(em -> query(em, "select l from Lawyer l" + where + " order by l.name, l.id", Lawyer.class, parameters).getResultList());
        // Weekly windows and places are matched here: a time inside a window, or a node above a firm's
        // district, is simpler to say in Java than in JPQL. Before paging, so the total is right.
        return found.stream()
                .filter(l -> (filter.availableOn() == null && filter.availableAt() == null) || availableAt(l, filter.availableOn(), filter.availableAt()))
                .filter(l -> l.within(filter.places()))
                .toList();
    }

    private static boolean availableAt(Lawyer lawyer, DayOfWeek day, LocalTime at) {
        return lawyer.windows().stream().anyMatch(w -> (day == null || w.day() == day)
                && (at == null || (!at.isBefore(w.start()) && at.isBefore(w.end()))));
    }

    private static <T> TypedQuery<T> query(EntityManager em, String jpql, Class<T> type, Map<String, Object> parameters) {
        TypedQuery<T> query = em.createQuery(jpql, type);
        parameters.forEach(query::setParameter);
        return query;
    }

    public Lawyer lawyer(long id) {
        return lawyer(id, Places.everywhere());
    }

    /** One lawyer, refused (403) to an operator whose places do not hold their firm. */
    public Lawyer lawyer(long id, Places places) {
        return database.read(em -> findLawyer(em, id, places));
    }

    private static Lawyer findLawyer(EntityManager em, long id, Places places) {
        Lawyer lawyer = em.find(Lawyer.class, id);
        if (lawyer == null) {
            throw Problem.notFound("There is no lawyer " + id + ".");
        }
        lawyer.requireWithin(places);
        return lawyer;
    }

    /** Adds a lawyer; an operator limited to places adds them only to a firm within them. */
    public Lawyer createLawyer(LawyerDraft draft, Places places) {
        return database.transaction(em -> {
            LawyerDetails details = details(em, draft);
            details.firm().requireWithin(places, "firmId");
            if (!em.createQuery("select l from Lawyer l where l.licenceNo = :n", Lawyer.class).setParameter("n", draft.licenceNo()).getResultList().isEmpty()) {
                throw Problem.conflict("A lawyer with licence number " + draft.licenceNo() + " is already on the roster.");
            }
            Lawyer lawyer = new Lawyer(draft.licenceNo(), details);
            em.persist(lawyer);
            return lawyer;
        });
    }

    /** Changes a lawyer; an operator limited to places must hold their firm before and the new one after. */
    public Lawyer updateLawyer(long id, LawyerDraft draft, Places places) {
        return database.transaction(em -> {
            Lawyer lawyer = findLawyer(em, id, places);
            if (!lawyer.getLicenceNo().equals(draft.licenceNo())) {
                throw Problem.invalid("licenceNo", "a lawyer's licence number cannot change; add a new lawyer instead");
            }
            LawyerDetails details = details(em, draft);
            details.firm().requireWithin(places, "firmId");
            lawyer.apply(details);
            return lawyer;
        });
    }

    /** What removing a lawyer did: a lawyer with duties on record is only deactivated, to keep their history. */
    public enum Removal { DELETED, DEACTIVATED }

    public Removal removeLawyer(long id, Places places) {
        return database.transaction(em -> {
            Lawyer lawyer = findLawyer(em, id, places);
            long duties = em.createQuery("select count(d) from Duty d where d.lawyer = :l", Long.class).setParameter("l", lawyer).getSingleResult();
            if (duties > 0) {
                lawyer.deactivate();
                return Removal.DEACTIVATED;
            }
            em.remove(lawyer);
            return Removal.DELETED;
        });
    }

    private static LawyerDetails details(EntityManager em, LawyerDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        LawFirm firm = em.find(LawFirm.class, draft.firmId());
        if (firm == null) {
            errors.add(new FieldError("firmId", "there is no law firm " + draft.firmId()));
        }
        Set<Specialty> specialties = EnumSet.noneOf(Specialty.class);
        for (int i = 0; i < draft.specialties().size(); i++) {
            String text = draft.specialties().get(i);
            Specialty.parse(text).ifPresentOrElse(specialties::add,
                    () -> errors.add(new FieldError("specialties", "'" + text + "' is not a specialty; one of " + catalogue())));
        }
        List<WeeklyWindow> windows = windows(draft.availability(), errors);
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        List<String> languages = draft.languages() == null ? List.of() : draft.languages().stream().map(String::strip).toList();
        return new LawyerDetails(draft.name().strip(), firm, specialties, languages, blankToNull(draft.phone()), windows,
                draft.active() == null || draft.active());
    }

    static List<WeeklyWindow> windows(List<String> texts, List<FieldError> errors) {
        List<WeeklyWindow> windows = new ArrayList<>();
        if (texts == null) {
            return windows;
        }
        for (int i = 0; i < texts.size(); i++) {
            try {
                WeeklyWindow window = WeeklyWindow.parse(texts.get(i));
                for (WeeklyWindow earlier : windows) {
                    if (earlier.overlaps(window)) {
                        errors.add(new FieldError("availability[" + i + "]", "overlaps " + earlier));
                    }
                }
                windows.add(window);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("availability[" + i + "]", e.getMessage()));
            }
        }
        return windows;
    }

    static String catalogue() {
        return Arrays.stream(Specialty.values()).map(Specialty::code).collect(Collectors.joining(", "));
    }

    // --- duties and hours

    /**
     * Records a duty served. A duty belongs to its lawyer (its {@code place} is free text, a market or
     * a service point): an operator limited to places records duties of their lawyers only.
     */
    public Duty recordDuty(long lawyerId, LocalDateTime start, LocalDateTime end, String place, Places places) {
        if (!end.isAfter(start)) {
            throw Problem.invalid("end", "must be after start");
        }
        return database.transaction(em -> {
            Lawyer lawyer = findLawyer(em, lawyerId, places);
            Duty duty = new Duty(lawyer, start, end, place.strip());
            em.persist(duty);
            return duty;
        });
    }

    public List<Duty> duties(long lawyerId) {
        return duties(lawyerId, Places.everywhere());
    }

    /** A lawyer's duties, refused (403) to an operator whose places do not hold the lawyer. */
    public List<Duty> duties(long lawyerId, Places places) {
        lawyer(lawyerId, places);
        return database.read(em -> em.createQuery("select d from Duty d where d.lawyer.id = :l order by d.start", Duty.class)
                .setParameter("l", lawyerId).getResultList());
    }

    public double volunteerHours(long lawyerId) {
        return duties(lawyerId).stream().mapToDouble(Duty::hours).sum();
    }

    // --- import

    /**
     * Imports the bar association's spreadsheet: all rows or none. Lawyers are matched by licence
     * number, firms by name; importing the same file again changes nothing. A dry run reports what
     * would change and writes nothing.
     *
     * <p>An operator limited to places imports only rows within them: each row's firm must already be
     * on the roster in their places (a firm the import would create has no district yet), and a lawyer
     * already on the roster must be with a firm in their places too. Any row outside refuses the whole
     * file (403) with a report by line and column, before anything is written.
     */
    public ImportReport importCsv(byte[] content, Charset encoding, boolean dryRun, Places places) {
        RosterCsv.Parsed parsed = RosterCsv.read(content, encoding);
        if (!parsed.problems().isEmpty()) {
            List<FieldError> errors = parsed.problems().stream().map(Roster::fieldError).toList();
            throw new Problem(400, "Import refused", parsed.problems().size() + " problem(s) in the file; nothing was imported. "
                    + errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
        java.util.function.Function<EntityManager, ImportReport> work = em -> {
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            int firmsCreated = 0;
            Map<String, LawFirm> firms = new HashMap<>();
            for (LawFirm firm : em.createQuery("select f from LawFirm f", LawFirm.class).getResultList()) {
                firms.put(firm.getName(), firm);
            }
            Map<String, Lawyer> lawyers = new HashMap<>();
            for (Lawyer lawyer : em.createQuery("select l from Lawyer l", Lawyer.class).getResultList()) {
                lawyers.put(lawyer.getLicenceNo(), lawyer);
            }
            requireWithin(parsed.rows(), firms, lawyers, places);
            for (RosterRow row : parsed.rows()) {
                LawFirm firm = firms.get(row.firm());
                if (firm == null) {
                    firm = new LawFirm(row.firm(), null, null, null);
                    em.persist(firm);
                    firms.put(row.firm(), firm);
                    firmsCreated++;
                }
                LawyerDetails details = new LawyerDetails(row.name(), firm, row.specialties(), row.languages(), row.phone(),
                        row.availability(), row.active());
                Lawyer lawyer = lawyers.get(row.licenceNo());
                if (lawyer == null) {
                    em.persist(new Lawyer(row.licenceNo(), details));
                    created++;
                } else if (lawyer.apply(details)) {
                    updated++;
                } else {
                    unchanged++;
                }
            }
            return new ImportReport(dryRun, parsed.charset().name(), parsed.rows().size(), created, updated, unchanged, firmsCreated);
        };
        // read() rolls back whatever the work did: the dry run goes through every step and keeps nothing.
        return dryRun ? database.read(work) : database.transaction(work);
    }

    /** Refuses the whole file (403) when a row lies outside the importing operator's places, listing each such row. */
    private static void requireWithin(List<RosterRow> rows, Map<String, LawFirm> firms, Map<String, Lawyer> lawyers, Places places) {
        if (places.isEverywhere()) {
            return;
        }
        String yours = places.isNowhere() ? "none" : String.join(", ", places.nodes());
        List<FieldError> errors = new ArrayList<>();
        for (RosterRow row : rows) {
            LawFirm firm = firms.get(row.firm());
            if (firm == null) {
                errors.add(new FieldError("line " + row.line() + ", firm", "'" + row.firm() + "' is not on the roster; a new firm"
                        + " has no district yet, so it is added by an operator for the whole city, or with POST /firms"));
            } else if (!places.covers(firm.getDistrict())) {
                errors.add(new FieldError("line " + row.line() + ", firm", "'" + row.firm() + "' is in " + where(firm) + ", outside " + yours));
            }
            Lawyer lawyer = lawyers.get(row.licenceNo());
            if (lawyer != null && !lawyer.within(places)) {
                errors.add(new FieldError("line " + row.line() + ", licence_no", "this lawyer is with '" + lawyer.getFirm().getName() + "' in "
                        + where(lawyer.getFirm()) + ", outside " + yours));
            }
        }
        if (!errors.isEmpty()) {
            throw new Problem(403, "Outside your places", errors.size() + " problem(s) with rows outside the places you may work in: " + yours
                    + "; nothing was imported. " + errors.get(0).field() + ": " + errors.get(0).message(), errors);
        }
    }

    private static String where(LawFirm firm) {
        return firm.getDistrict() == null ? "no district" : "'" + firm.getDistrict() + "'";
    }

    private static FieldError fieldError(RowProblem problem) {
        String where = problem.line() == 0 ? "file" : "line " + problem.line();
        return new FieldError(problem.column() == null ? where : where + ", " + problem.column(), problem.reason());
    }

    // --- rota

    /** A fair rota among the active lawyers, counting the duties they already served in each month. */
    public Rota rota(List<RotaSession> sessions, int maxPerLawyerPerMonth) {
        return rota(sessions, maxPerLawyerPerMonth, Places.everywhere());
    }

    /**
     * A fair rota among the active lawyers in these places: an operator limited to a district plans
     * its sessions with its own lawyers, and learns nothing of the others' availability. Their
     * monthly counts still hold every duty they served, wherever it was.
     */
    public Rota rota(List<RotaSession> sessions, int maxPerLawyerPerMonth, Places places) {
        List<Candidate> candidates = database.read(em -> {
            Map<Long, Map<YearMonth, Integer>> served = new HashMap<>();
            for (Duty duty : em.createQuery("select d from Duty d", Duty.class).getResultList()) {
                served.computeIfAbsent(lawyerId(duty), id -> new HashMap<>()).merge(YearMonth.from(duty.getStart()), 1, Integer::sum);
            }
            return em.createQuery("select l from Lawyer l where l.active = true order by l.id", Lawyer.class).getResultList().stream()
                    .filter(l -> l.within(places))
                    .map(l -> new Candidate(l.getId(), l.getName(), l.getSpecialties(), l.windows(), served.getOrDefault(l.getId(), Map.of())))
                    .toList();
        });
        try {
            return RotaPlanner.plan(sessions, candidates, maxPerLawyerPerMonth);
        } catch (IllegalArgumentException e) {
            throw Problem.invalid("sessions", e.getMessage());
        }
    }

    private static long lawyerId(Duty duty) {
        return duty.lawyerId();
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
