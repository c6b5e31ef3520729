package org.district.plugins.farmaidstreaming;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.district.platform.api.access.Places;

/**
 * A village or co-operative with products to sell, at its node of the administrative tree
 * ({@code 台州市/椒江区/大陈镇}). The contact person's name and phone are personal data.
 */
@Entity
@Table(name = "village")
public class Village {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "farm_aid_seq")
    @SequenceGenerator(name = "farm_aid_seq", sequenceName = "farm_aid_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private VillageKind kind;

    @Column(nullable = false, length = 150)
    private String node;

    @Column(name = "contact_name", length = 50)
    private String contactName;

    @Column(name = "contact_phone", length = 20)
    private String contactPhone;

    @Column(nullable = false)
    private boolean active;

    protected Village() {
    }

    public record Details(String name, VillageKind kind, String node, String contactName, String contactPhone, boolean active) {
    }

    public Village(Details details) {
        apply(details);
    }

    void apply(Details details) {
        this.name = details.name();
        this.kind = details.kind();
        this.node = details.node();
        this.contactName = details.contactName();
        this.contactPhone = details.contactPhone();
        this.active = details.active();
    }

    /** Whether the village lies in these places. */
    boolean within(Places places) {
        return places.covers(node);
    }

    /** Refuses (403, naming {@code field}) a coordinator whose places do not hold this village. */
    void requireWithin(Places places, String field) {
        places.require(field, node);
    }

    void deactivate() {
        this.active = false;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public VillageKind getKind() {
        return kind;
    }

    public String getNode() {
        return node;
    }

    public String getContactName() {
        return contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public boolean isActive() {
        return active;
    }
}
