package org.district.plugins.courierstations;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.persistence.EntityManager;

import org.district.platform.api.persistence.ModuleDatabase;
import org.district.platform.api.rest.Problem;
import org.district.platform.api.rest.Problem.FieldError;
import org.district.plugins.courierstations.Drafts.CheckInDraft;
import org.district.plugins.courierstations.Views.CheckInResult;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Scan-to-enter: a worker's app sends the station's code, the kind of work and a token. The visit
 * is stored under a pseudonym, a keyed hash of the token (the key never leaves this module's
 * database), so repeats are recognised but visitors cannot be joined with anything else. Scans by
 * the same visitor at the same station within the duplicate window count once.
 */
@Component(service = CheckIns.class)
public class CheckIns {

    private static final String KEY_NAME = "visitor-pseudonym";
    /** Scans queued offline are accepted for this long; a scan from the future only within clock skew. */
    private static final Duration OFFLINE = Duration.ofHours(24);
    private static final Duration SKEW = Duration.ofMinutes(2);

    @Reference
    private ModuleDatabase database;

    @Reference
    private City city;

    /** Serialises scans of one visitor at one station on this node, so two quick scans cannot both count. */
    private final Object[] stripes = new Object[64];
    private volatile byte[] key;

    public CheckIns() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    public CheckInResult scan(CheckInDraft draft) {
        City.Settings settings = city.settings();
        List<FieldError> errors = new ArrayList<>();
        WorkerKind kind = WorkerKind.parse(draft.workerKind()).orElse(null);
        if (kind == null) {
            errors.add(new FieldError("workerKind", "'" + draft.workerKind() + "' is not a kind of worker; one of "
                    + Codes.list(WorkerKind.values(), WorkerKind::code)));
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime at = draft.scannedAt() == null ? now : draft.scannedAt().withOffsetSameInstant(ZoneOffset.UTC);
        if (at.isAfter(now.plus(SKEW)) || at.isBefore(now.minus(OFFLINE))) {
            errors.add(new FieldError("scannedAt", "must lie within the last 24 hours"));
        }
        Set<String> used = new LinkedHashSet<>();
        List<String> services = draft.services() == null ? List.of() : draft.services();
        for (int i = 0; i < services.size(); i++) {
            String text = services.get(i);
            int index = i;
            settings.catalogue().find(text).ifPresentOrElse(s -> used.add(s.code()),
                    () -> errors.add(new FieldError("services[" + index + "]", "'" + text + "' is not a service of the catalogue")));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        String code = draft.code().strip().toUpperCase(java.util.Locale.ROOT);
        String token = draft.token().strip();
        Duration window = settings.duplicateWindow();
        Object stripe = stripes[Math.floorMod((code + token).hashCode(), stripes.length)];
        synchronized (stripe) {
            return database.transaction(em -> {
                List<Object[]> found = em.createQuery("select s.id, s.name, s.status from Station s where s.checkinCode = :c", Object[].class)
                        .setParameter("c", code).getResultList();
                if (found.isEmpty()) {
                    throw Problem.invalid("code", "no station has the code '" + draft.code() + "'");
                }
                long stationId = (Long) found.get(0)[0];
                String name = (String) found.get(0)[1];
                if (found.get(0)[2] == StationStatus.RETIRED) {
                    throw Problem.invalid("code", "station " + stationId + " (" + name + ") is retired and takes no check-ins");
                }
                Set<String> offered = Set.copyOf(em.createQuery("select v from Station s join s.services v where s.id = :s", String.class)
                        .setParameter("s", stationId).getResultList());
                List<FieldError> notOffered = new ArrayList<>();
                int i = 0;
                for (String service : used) {
                    if (!offered.contains(service)) {
                        notOffered.add(new FieldError("services[" + i + "]", name + " does not offer " + service));
                    }
                    i++;
                }
                if (!notOffered.isEmpty()) {
                    throw Problem.invalid(notOffered);
                }
                // Only now, for a scan that counts: the first one makes this database's key, and a refused scan writes nothing.
                String visitor = pseudonym(token);
                if (!window.isZero() && repeated(em, stationId, visitor, at, window)) {
                    return new CheckInResult(false, stationId, name, at,
                            "already checked in here within " + window.toMinutes() + " minutes; counted once");
                }
                em.persist(new Visit(stationId, at, kind, visitor, used));
                return new CheckInResult(true, stationId, name, at, "welcome");
            });
        }
    }

    private static boolean repeated(EntityManager em, long stationId, String visitor, OffsetDateTime at, Duration window) {
        return em.createQuery("select count(v) from Visit v where v.stationId = :s and v.visitor = :p and v.at > :from and v.at < :to", Long.class)
                .setParameter("s", stationId).setParameter("p", visitor)
                .setParameter("from", at.minus(window)).setParameter("to", at.plus(window))
                .getSingleResult() > 0;
    }

    /** HMAC-SHA-256 of the token under this database's key, shortened to 128 bits. */
    String pseudonym(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] digest = mac.doFinal(token.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known != null) {
            return known;
        }
        String stored = database.read(em -> stored(em));
        if (stored == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            try {
                database.execute(em -> em.persist(new ModuleSecret(KEY_NAME, HexFormat.of().formatHex(fresh))));
            } catch (RuntimeException anotherNodeWasFirst) {
                // the key stored first is the one every node uses
            }
            stored = database.read(em -> stored(em));
        }
        key = HexFormat.of().parseHex(stored);
        return key;
    }

    private static String stored(EntityManager em) {
        ModuleSecret secret = em.find(ModuleSecret.class, KEY_NAME);
        return secret == null ? null : secret.getSecret();
    }
}
