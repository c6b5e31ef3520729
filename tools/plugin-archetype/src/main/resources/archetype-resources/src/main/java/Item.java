#set( $prefix = $moduleId.replace("-", "_") )
package ${package};

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * One item of the module, as its migration (db/${moduleId}/V1__items.sql) creates the table. Times are
 * OffsetDateTime: Jakarta Persistence 3.1 does not map Instant. The sequence allocates one id at a time,
 * as EclipseLink's H2 platform requires.
 */
@Entity
@Table(name = "${prefix}_item")
public class Item {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "${prefix}_item_seq")
    @SequenceGenerator(name = "${prefix}_item_seq", sequenceName = "${prefix}_item_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(length = 2000)
    private String description;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Item() {
    }

    public Item(String name, String description, OffsetDateTime createdAt) {
        this.name = name;
        this.description = description;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
