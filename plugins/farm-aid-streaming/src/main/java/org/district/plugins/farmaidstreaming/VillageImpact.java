package org.district.plugins.farmaidstreaming;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * What the programme did for a village in a month: how many villagers found work near home through
 * it that month, and the change in income they reported, in yuan per person per year (a decline is
 * negative). Reports add up the villagers and weigh the income change by them.
 */
@Entity
@Table(name = "village_impact")
public class VillageImpact {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "farm_aid_seq")
    @SequenceGenerator(name = "farm_aid_seq", sequenceName = "farm_aid_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "village_id")
    private Village village;

    @Column(name = "month_start", nullable = false)
    private LocalDate monthStart;

    @Column(name = "villagers_employed", nullable = false)
    private int villagersEmployed;

    @Column(name = "income_change", nullable = false, precision = 12, scale = 2)
    private BigDecimal incomeChange;

    @Column(length = 200)
    private String note;

    protected VillageImpact() {
    }

    public VillageImpact(Village village, YearMonth month) {
        this.village = village;
        this.monthStart = month.atDay(1);
    }

    void apply(int villagersEmployed, BigDecimal incomeChange, String note) {
        this.villagersEmployed = villagersEmployed;
        this.incomeChange = Money.yuan(incomeChange);
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public Village getVillage() {
        return village;
    }

    public YearMonth month() {
        return YearMonth.from(monthStart);
    }

    public int getVillagersEmployed() {
        return villagersEmployed;
    }

    public BigDecimal getIncomeChange() {
        return Money.yuan(incomeChange);
    }

    public String getNote() {
        return note;
    }
}
