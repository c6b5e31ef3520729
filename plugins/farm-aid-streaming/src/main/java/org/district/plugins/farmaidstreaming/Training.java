package org.district.plugins.farmaidstreaming;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.district.platform.api.persistence.ModuleDatabase;
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.platform.api.rest.Problem;
import org.district.plugins.farmaidstreaming.Drafts.CompletionDraft;
import org.district.plugins.farmaidstreaming.Drafts.CourseDraft;
import org.district.plugins.farmaidstreaming.Drafts.CourseSessionDraft;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Free live-commerce training: courses, the classes they are given in, enrolments and completion. */
@Component(service = Training.class)
public class Training {

    @Reference
    private ModuleDatabase database;

    // --- courses

    public Page<Course> courses(Boolean active, PageRequest paging) {
        String where = active == null ? "" : " where c.active = :active";
        return database.read(em -> {
            var items = em.createQuery("select c from Course c" + where + " order by c.title, c.id", Course.class);
            var count = em.createQuery("select count(c) from Course c" + where, Long.class);
            if (active != null) {
                items.setParameter("active", active);
                count.setParameter("active", active);
            }
            return paging.of(items.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList(), count.getSingleResult());
        });
    }

    public Course course(long id) {
        Course course = database.read(em -> em.find(Course.class, id));
        if (course == null) {
            throw Problem.notFound("There is no course " + id + ".");
        }
        return course;
    }

    public Course createCourse(CourseDraft draft) {
        Course.Details details = details(draft);
        return database.transaction(em -> {
            requireUniqueTitle(em, details.title(), null);
            Course course = new Course(details);
            em.persist(course);
            return course;
        });
    }

    public Course updateCourse(long id, CourseDraft draft) {
        Course.Details details = details(draft);
        return database.transaction(em -> {
            Course course = foundCourse(em, id);
            requireUniqueTitle(em, details.title(), id);
            course.apply(details);
            return course;
        });
    }

    /** Deletes a course never given; one with classes is deactivated, keeping who completed it. */
    public Streamers.Removal removeCourse(long id) {
        return database.transaction(em -> {
            Course course = foundCourse(em, id);
            long classes = em.createQuery("select count(s) from CourseSession s where s.course = :c", Long.class).setParameter("c", course)
                    .getSingleResult();
            if (classes == 0) {
                em.remove(course);
                return Streamers.Removal.DELETED;
            }
            course.deactivate();
            return Streamers.Removal.DEACTIVATED;
        });
    }

    private static Course.Details details(CourseDraft draft) {
        return new Course.Details(draft.title().strip(), draft.organiser().strip(), draft.hours(), Params.blankToNull(draft.description()),
                draft.active() == null || draft.active());
    }

    private static void requireUniqueTitle(EntityManager em, String title, Long except) {
        List<Course> same = em.createQuery("select c from Course c where c.title = :t", Course.class).setParameter("t", title).getResultList();
        if (same.stream().anyMatch(c -> !c.getId().equals(except))) {
            throw Problem.conflict("There is already a course titled '" + title + "'.");
        }
    }

    private static Course foundCourse(EntityManager em, long id) {
        Course course = em.find(Course.class, id);
        if (course == null) {
            throw Problem.notFound("There is no course " + id + ".");
        }
        return course;
    }

    // --- classes

    public List<CourseSession> classes(long courseId) {
        course(courseId);
        return database.read(em -> em.createQuery("select s from CourseSession s where s.course.id = :c order by s.startsAt, s.id",
                CourseSession.class).setParameter("c", courseId).getResultList());
    }

    public CourseSession courseSession(long id) {
        CourseSession session = database.read(em -> em.find(CourseSession.class, id));
        if (session == null) {
            throw Problem.notFound("There is no course session " + id + ".");
        }
        return session;
    }

    public CourseSession createClass(long courseId, CourseSessionDraft draft) {
        CourseSession.Details details = details(draft);
        return database.transaction(em -> {
            Course course = foundCourse(em, courseId);
            if (!course.isActive()) {
                throw Problem.conflict("Course " + courseId + " is no longer offered; activate it first.");
            }
            CourseSession session = new CourseSession(course, details);
            em.persist(session);
            return session;
        });
    }

    public CourseSession updateClass(long id, CourseSessionDraft draft) {
        CourseSession.Details details = details(draft);
        return database.transaction(em -> {
            CourseSession session = foundClass(em, id, false);
            long enrolled = enrolled(em, session);
            if (details.capacity() < enrolled) {
                throw Problem.invalid("capacity", "must be at least the " + enrolled + " streamers already enrolled");
            }
            session.apply(details);
            return session;
        });
    }

    /** Deletes a class nobody enrolled in; one with enrolments is kept for their record (409). */
    public void removeClass(long id) {
        database.execute(em -> {
            CourseSession session = foundClass(em, id, false);
            long enrolments = em.createQuery("select count(e) from Enrolment e where e.courseSession = :s", Long.class)
                    .setParameter("s", session).getSingleResult();
            if (enrolments > 0) {
                throw Problem.conflict("Course session " + id + " has " + enrolments + " enrolment(s) on record and is kept for them.");
            }
            em.remove(session);
        });
    }

    private static CourseSession.Details details(CourseSessionDraft draft) {
        if (!draft.endsAt().isAfter(draft.startsAt())) {
            throw Problem.invalid("endsAt", "must be after startsAt (" + draft.startsAt() + ")");
        }
        return new CourseSession.Details(draft.startsAt(), draft.endsAt(), draft.place().strip(), draft.capacity());
    }

    private static CourseSession foundClass(EntityManager em, long id, boolean lock) {
        CourseSession session = lock ? em.find(CourseSession.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(CourseSession.class, id);
        if (session == null) {
            throw Problem.notFound("There is no course session " + id + ".");
        }
        return session;
    }

    private static long enrolled(EntityManager em, CourseSession session) {
        return em.createQuery("select count(e) from Enrolment e where e.courseSession = :s and e.status <> :withdrawn", Long.class)
                .setParameter("s", session).setParameter("withdrawn", Enrolment.Status.WITHDRAWN).getSingleResult();
    }

    /** Streamers enrolled (not withdrawn) in each of the classes. */
    public Map<Long, Long> enrolledCounts(Collection<Long> classIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (classIds.isEmpty()) {
            return counts;
        }
        database.read(em -> em.createQuery("select e.courseSession.id, count(e) from Enrolment e where e.status <> :withdrawn"
                + " and e.courseSession.id in :ids group by e.courseSession.id", Object[].class)
                .setParameter("withdrawn", Enrolment.Status.WITHDRAWN).setParameter("ids", List.copyOf(classIds)).getResultList())
                .forEach(row -> counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
        return counts;
    }

    // --- enrolments

    public List<Enrolment> enrolments(long classId) {
        courseSession(classId);
        return database.read(em -> em.createQuery("select e from Enrolment e where e.courseSession.id = :c order by e.id", Enrolment.class)
                .setParameter("c", classId).getResultList());
    }

    public Enrolment enrolment(long id) {
        Enrolment enrolment = database.read(em -> em.find(Enrolment.class, id));
        if (enrolment == null) {
            throw Problem.notFound("There is no enrolment " + id + ".");
        }
        return enrolment;
    }

    /** Enrols a streamer in a class that has not ended and has a place left (the class is locked, so two coordinators cannot overfill it). */
    public Enrolment enrol(long classId, long streamerId) {
        return database.transaction(em -> {
            CourseSession session = foundClass(em, classId, true);
            Streamer streamer = em.find(Streamer.class, streamerId);
            if (streamer == null || !streamer.isActive()) {
                throw Problem.invalid("streamerId", streamer == null ? "there is no streamer " + streamerId : "streamer " + streamerId + " is inactive");
            }
            if (!session.getEndsAt().isAfter(Params.now())) {
                throw Problem.conflict("Course session " + classId + " ended at " + session.getEndsAt() + "; enrol in a later one.");
            }
            boolean already = !em.createQuery("select e from Enrolment e where e.courseSession = :c and e.streamer = :s", Enrolment.class)
                    .setParameter("c", session).setParameter("s", streamer).getResultList().isEmpty();
            if (already) {
                throw Problem.conflict("Streamer " + streamerId + " is already enrolled in course session " + classId + ".");
            }
            if (enrolled(em, session) >= session.getCapacity()) {
                throw Problem.conflict("Course session " + classId + " is full (" + session.getCapacity() + " places).");
            }
            Enrolment enrolment = new Enrolment(session, streamer, Params.today());
            em.persist(enrolment);
            return enrolment;
        });
    }

    /** Records that the streamer completed the class, once it has begun; the date defaults to today. */
    public Enrolment complete(long id, CompletionDraft draft) {
        return database.transaction(em -> {
            Enrolment enrolment = foundEnrolment(em, id);
            if (enrolment.getStatus() != Enrolment.Status.ENROLLED) {
                throw Problem.conflict("Enrolment " + id + " is " + enrolment.getStatus().code() + ".");
            }
            LocalDate today = Params.today();
            LocalDate on = draft == null || draft.completedOn() == null ? today : draft.completedOn();
            LocalDate began = enrolment.getCourseSession().getStartsAt().toLocalDate();
            if (on.isAfter(today)) {
                throw Problem.invalid("completedOn", "must not be in the future");
            }
            if (on.isBefore(began)) {
                throw Problem.invalid("completedOn", "must not be before the class began (" + began + ")");
            }
            enrolment.complete(on, draft == null ? null : Params.blankToNull(draft.certificateNo()));
            return enrolment;
        });
    }

    public Enrolment withdraw(long id) {
        return database.transaction(em -> {
            Enrolment enrolment = foundEnrolment(em, id);
            if (enrolment.getStatus() != Enrolment.Status.ENROLLED) {
                throw Problem.conflict("Enrolment " + id + " is " + enrolment.getStatus().code() + "; only an open enrolment can be withdrawn.");
            }
            enrolment.withdraw();
            return enrolment;
        });
    }

    private static Enrolment foundEnrolment(EntityManager em, long id) {
        Enrolment enrolment = em.find(Enrolment.class, id);
        if (enrolment == null) {
            throw Problem.notFound("There is no enrolment " + id + ".");
        }
        return enrolment;
    }
}
