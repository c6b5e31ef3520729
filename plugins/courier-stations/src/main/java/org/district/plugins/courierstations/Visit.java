package org.district.plugins.courierstations;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One counted check-in. It says which kind of worker came, never who: {@code visitor} is a keyed
 * hash of the token their app sent, enough to recognise a repeated scan and nothing more.
 */
@Entity
@Table(name = "visit")
public class Visit {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "visit_seq")
    @SequenceGenerator(name = "visit_seq", sequenceName = "visit_seq", allocationSize = 1)
    private Long id;

    @Column(name = "station_id", nullable = false)
    private long stationId;

    @Column(name = "visited_at", nullable = false)
    private OffsetDateTime at;

    @Enumerated(EnumType.STRING)
    @Column(name = "worker_kind", nullable = false, length = 20)
    private WorkerKind workerKind;

    @Column(nullable = false, length = 64)
    private String visitor;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "visit_service", joinColumns = @JoinColumn(name = "visit_id"))
    @Column(name = "service")
    private Set<String> services = new HashSet<>();

    protected Visit() {
    }

    public Visit(long stationId, OffsetDateTime at, WorkerKind workerKind, String visitor, Set<String> services) {
        this.stationId = stationId;
        this.at = at;
        this.workerKind = workerKind;
        this.visitor = visitor;
        this.services = new HashSet<>(services);
    }

    public Long getId() {
        return id;
    }

    public long getStationId() {
        return stationId;
    }

    public OffsetDateTime getAt() {
        return at;
    }

    public WorkerKind getWorkerKind() {
        return workerKind;
    }

    public Set<String> getServices() {
        return Set.copyOf(services);
    }
}
