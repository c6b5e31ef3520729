package org.district.plugins.lawyerroster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.district.platform.api.access.Places;

/** A law firm whose lawyers volunteer; {@code district} is its node in the administrative tree, e.g. 宜宾市/翠屏区. */
@Entity
@Table(name = "law_firm")
public class LawFirm {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "roster_seq")
    @SequenceGenerator(name = "roster_seq", sequenceName = "roster_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    @Column(name = "licence_no", length = 30)
    private String licenceNo;

    @Column(length = 200)
    private String address;

    @Column(length = 100)
    private String district;

    protected LawFirm() {
    }

    public LawFirm(String name, String licenceNo, String address, String district) {
        this.name = name;
        change(licenceNo, address, district);
    }

    public void rename(String name) {
        this.name = name;
    }

    public void change(String licenceNo, String address, String district) {
        this.licenceNo = licenceNo;
        this.address = address;
        this.district = district;
    }

    /** Refuses (403, naming {@code field}) an operator whose places do not hold this firm's district. */
    void requireWithin(Places places, String field) {
        places.require(field, district);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getLicenceNo() {
        return licenceNo;
    }

    public String getAddress() {
        return address;
    }

    public String getDistrict() {
        return district;
    }
}
