package org.district.plugins.noticeboard;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.district.platform.api.persistence.ModuleDatabase;
import org.district.platform.api.rest.Page;
import org.district.platform.api.rest.PageRequest;
import org.district.platform.api.rest.Problem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The notices of every community: posting, reading the current ones, taking one down. */
@Component(service = NoticeBoard.class)
public class NoticeBoard {

    @Reference
    private ModuleDatabase database;

    private final Clock clock = Clock.systemUTC();

    public Notice post(NoticeDraft draft) {
        Notice notice = new Notice(draft.title().strip(), draft.body().strip(), draft.community().strip(),
                OffsetDateTime.now(clock), draft.expiresAt());
        return database.transaction(em -> {
            em.persist(notice);
            return notice;
        });
    }

    /** Notices not yet expired, newest first, of one community or of all. */
    public Page<Notice> current(String community, PageRequest paging) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String where = " where (n.expiresAt is null or n.expiresAt > :now)" + (community == null ? "" : " and n.community = :community");
        return database.read(em -> {
            var items = em.createQuery("select n from Notice n" + where + " order by n.publishedAt desc, n.id desc", Notice.class)
                    .setParameter("now", now);
            var count = em.createQuery("select count(n) from Notice n" + where, Long.class).setParameter("now", now);
            if (community != null) {
                items.setParameter("community", community);
                count.setParameter("community", community);
            }
            List<Notice> page = items.setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
            return paging.of(page, count.getSingleResult());
        });
    }

    public Notice get(long id) {
        Notice notice = database.read(em -> em.find(Notice.class, id));
        if (notice == null) {
            throw Problem.notFound("There is no notice " + id + ".");
        }
        return notice;
    }

    public void takeDown(long id) {
        database.execute(em -> {
            Notice notice = em.find(Notice.class, id);
            if (notice == null) {
                throw Problem.notFound("There is no notice " + id + ".");
            }
            em.remove(notice);
        });
    }
}
