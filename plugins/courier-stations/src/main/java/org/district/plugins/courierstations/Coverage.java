package org.district.plugins.courierstations;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

import org.district.platform.api.persistence.ModuleDatabase;
import org.district.platform.api.rest.Problem;
import org.district.platform.api.rest.Problem.FieldError;
import org.district.plugins.courierstations.coverage.CoverageAnalysis;
import org.district.plugins.courierstations.coverage.DemandCsv;
import org.district.plugins.courierstations.coverage.DemandPoints;
import org.district.plugins.courierstations.geo.CoordinateSystem;
import org.district.plugins.courierstations.geo.GeoPoint;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Coverage of the service circle: uploaded demand points (where riders actually work) against the
 * stations in service, the uncovered clusters, and proposed sites for new stations.
 */
@Component(service = Coverage.class)
public class Coverage {

    /** The most an upload may inflate to once un-gzipped. */
    static final int MAX_INFLATED_BYTES = 32 * 1024 * 1024;

    @Reference
    private ModuleDatabase database;

    @Reference
    private City city;

    @Reference
    private StationMap map;

    public record DemandSetView(long id, String name, OffsetDateTime uploadedAt, int points, double totalWeight) {
        static DemandSetView of(DemandSet set) {
            return new DemandSetView(set.getId(), set.getName(), set.getUploadedAt(), set.getPoints(), set.getTotalWeight());
        }
    }

    public record ClusterView(double lat, double lon, String coords, int points, double weight, double shareOfDemand, long extentMetres) {
    }

    public record Report(long demandSetId, String name, double radiusMetres, LocalDateTime openAt, long stationsCounted, int points,
            double totalWeight, double coveredWeight, double share, List<ClusterView> uncoveredClusters) {
    }

    public record ProposalView(int rank, double lat, double lon, String coords, double addedWeight, int addedPoints, double shareAfter) {
    }

    public record Proposals(long demandSetId, double radiusMetres, LocalDateTime openAt, String method, double shareBefore,
            List<ProposalView> proposals) {
    }

    /** Loads a CSV (plain or gzip) of demand points as a new set: every row or none. */
    public DemandSetView upload(byte[] body, String name, CoordinateSystem coords) {
        DemandPoints points = parse(body, coords);
        String title = name == null || name.isBlank() ? "demand " + OffsetDateTime.now(ZoneOffset.UTC).toLocalDate() : name.strip();
        if (title.length() > 100) {
            throw Problem.invalid("name", "at most 100 characters");
        }
        return database.transaction(em -> {
            DemandSet set = new DemandSet(title, OffsetDateTime.now(ZoneOffset.UTC), points.size(), points.totalWeight());
            em.persist(set);
            em.flush();
            store(em, set.getId(), 0, points);
            return DemandSetView.of(set);
        });
    }

    /** Adds another part to a set, for files larger than one request may carry: every row of the part or none. */
    public DemandSetView append(long id, byte[] body, CoordinateSystem coords) {
        DemandPoints points = parse(body, coords);
        return database.transaction(em -> {
            DemandSet set = em.find(DemandSet.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (set == null) {
                throw Problem.notFound("There is no demand set " + id + ".");
            }
            if (set.getPoints() + points.size() > DemandCsv.MAX_POINTS * 5) {
                throw Problem.invalid("file", "a set holds at most " + DemandCsv.MAX_POINTS * 5 + " points");
            }
            Integer last = em.createQuery("select max(c.chunkNo) from DemandChunk c where c.setId = :s", Integer.class)
                    .setParameter("s", id).getSingleResult();
            store(em, id, last == null ? 0 : last + 1, points);
            set.add(points.size(), points.totalWeight());
            return DemandSetView.of(set);
        });
    }

    private DemandPoints parse(byte[] body, CoordinateSystem coords) {
        String text = decode(inflate(body));
        City.Settings settings = city.settings();
        DemandCsv.Parsed parsed = DemandCsv.read(text, coords, settings::inCity);
        if (!parsed.problems().isEmpty()) {
            List<FieldError> errors = parsed.problems().stream()
                    .map(p -> new FieldError(p.line() == 0 ? "file" : "line " + p.line() + (p.column() == null ? "" : ", " + p.column()), p.reason()))
                    .toList();
            throw new Problem(400, "Upload refused", parsed.problemCount() + " problem(s) in the file; nothing was loaded. "
                    + errors.get(0).field() + ": " + errors.get(0).message()
                    + (parsed.problemCount() > errors.size() ? " (the first " + errors.size() + " are listed)" : ""), errors);
        }
        return parsed.points();
    }

    private static void store(jakarta.persistence.EntityManager em, long setId, int firstChunk, DemandPoints points) {
        List<byte[]> chunks = points.chunks();
        for (int i = 0; i < chunks.size(); i++) {
            em.persist(new DemandChunk(setId, firstChunk + i, chunks.get(i)));
        }
    }

    public List<DemandSetView> sets() {
        return database.read(em -> em.createQuery("select d from DemandSet d order by d.id desc", DemandSet.class).getResultList())
                .stream().map(DemandSetView::of).toList();
    }

    public void delete(long id) {
        database.execute(em -> {
            DemandSet set = em.find(DemandSet.class, id);
            if (set == null) {
                throw Problem.notFound("There is no demand set " + id + ".");
            }
            em.createQuery("delete from DemandChunk c where c.setId = :s").setParameter("s", id).executeUpdate();
            em.remove(set);
        });
    }

    /** The weighted share of demand within {@code radius} of a station in service (open at {@code at}, when given). */
    public Report report(long id, Double radius, LocalDateTime at, CoordinateSystem coords, int maxClusters) {
        DemandSet set = set(id);
        DemandPoints demand = points(id);
        double r = radius(radius);
        boolean[] covered = covered(demand, r, at);
        double total = demand.totalWeight();
        double coveredWeight = CoverageAnalysis.weight(demand, covered, true);
        List<ClusterView> clusters = CoverageAnalysis.clusters(demand, covered, r, maxClusters).stream().map(c -> {
            GeoPoint shown = coords.fromWgs84(new GeoPoint(c.lat(), c.lon()));
            return new ClusterView(Views.round(shown.lat()), Views.round(shown.lon()), coords.code(), c.points(), c.weight(),
                    total > 0 ? c.weight() / total : 0, Math.round(c.extentMetres()));
        }).toList();
        return new Report(id, set.getName(), r, at, map.all().stream().filter(counts(at)).count(), demand.size(), total, coveredWeight,
                total > 0 ? coveredWeight / total : 0, clusters);
    }

    /** Up to {@code k} sites that most increase coverage, by greedy maximum coverage. */
    public Proposals propose(long id, int k, Double radius, LocalDateTime at, CoordinateSystem coords) {
        set(id);
        DemandPoints demand = points(id);
        double r = radius(radius);
        boolean[] covered = covered(demand, r, at);
        double total = demand.totalWeight();
        double before = total > 0 ? CoverageAnalysis.weight(demand, covered, true) / total : 0;
        List<ProposalView> proposals = CoverageAnalysis.propose(demand, covered, r, k).stream().map(p -> {
            GeoPoint shown = coords.fromWgs84(new GeoPoint(p.lat(), p.lon()));
            return new ProposalView(p.rank(), Views.round(shown.lat()), Views.round(shown.lon()), coords.code(), p.addedWeight(),
                    p.addedPoints(), p.shareAfter());
        }).toList();
        return new Proposals(id, r, at, "greedy maximum coverage", before, proposals);
    }

    private boolean[] covered(DemandPoints demand, double radius, LocalDateTime at) {
        Predicate<StationSnapshot> counts = counts(at);
        return CoverageAnalysis.covered(demand, (lat, lon, metres) -> map.anyWithin(lat, lon, metres, counts), radius);
    }

    /** Stations in service count; with a time, only those open then. */
    private static Predicate<StationSnapshot> counts(LocalDateTime at) {
        return at == null ? s -> s.status() == StationStatus.OPEN : s -> s.openAt(at);
    }

    private double radius(Double radius) {
        if (radius == null) {
            return city.settings().serviceRadiusMetres();
        }
        if (!(radius >= 50 && radius <= 50_000)) {
            throw Problem.invalid("radius", "must be between 50 and 50000 metres");
        }
        return radius;
    }

    private DemandSet set(long id) {
        DemandSet set = database.read(em -> em.find(DemandSet.class, id));
        if (set == null) {
            throw Problem.notFound("There is no demand set " + id + ".");
        }
        return set;
    }

    private DemandPoints points(long id) {
        return DemandPoints.fromChunks(database.read(em -> em.createQuery(
                "select c from DemandChunk c where c.setId = :s order by c.chunkNo", DemandChunk.class).setParameter("s", id).getResultList())
                .stream().map(DemandChunk::getData).toList());
    }

    /** The body, un-gzipped when it is gzip (by its magic bytes, whatever the headers say). */
    static byte[] inflate(byte[] body) {
        if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
            return body;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (out.size() + n > MAX_INFLATED_BYTES) {
                    throw new Problem(413, "Payload too large", "The upload inflates to more than " + MAX_INFLATED_BYTES + " bytes; upload in parts.");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw Problem.invalid("file", "is not valid gzip: " + e.getMessage());
        }
    }

    /** UTF-8, or GB18030 as Chinese Excel saves it when the bytes are not UTF-8. */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }
}
