package org.district.plugins.courierstations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * Up to {@value org.district.plugins.courierstations.coverage.DemandPoints#CHUNK} demand points of a set, packed (see
 * {@link org.district.plugins.courierstations.coverage.DemandPoints}): 100,000 points are thirteen rows, not 100,000.
 */
@Entity
@Table(name = "demand_chunk")
public class DemandChunk {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "demand_seq")
    @SequenceGenerator(name = "demand_seq", sequenceName = "demand_seq", allocationSize = 1)
    private Long id;

    @Column(name = "set_id", nullable = false)
    private long setId;

    @Column(name = "chunk_no", nullable = false)
    private int chunkNo;

    @Column(nullable = false)
    private byte[] data;

    protected DemandChunk() {
    }

    public DemandChunk(long setId, int chunkNo, byte[] data) {
        this.setId = setId;
        this.chunkNo = chunkNo;
        this.data = data.clone();
    }

    public int getChunkNo() {
        return chunkNo;
    }

    public byte[] getData() {
        return data.clone();
    }
}
