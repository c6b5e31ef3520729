package org.district.plugins.courierstations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One row counting the changes to stations. Every write moves it in the same transaction, so a
 * node that sees it moved past what its index holds knows another node wrote, and reloads.
 */
@Entity
@Table(name = "station_change")
public class ChangeCounter {

    static final int ROW = 1;

    @Id
    private int id;

    @Column(nullable = false)
    private long version;

    protected ChangeCounter() {
    }

    public long getVersion() {
        return version;
    }
}
