package org.district.plugins.farmaidstreaming;

import java.math.BigDecimal;
import java.time.Month;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A product a village sells: its unit (斤, 箱, 件), price per unit in yuan (exact to the fen),
 * stock in units, and the months it is in season (all year when none are given; a season may wrap
 * the year, November to February).
 */
@Entity
@Table(name = "product")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "farm_aid_seq")
    @SequenceGenerator(name = "farm_aid_seq", sequenceName = "farm_aid_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "village_id")
    private Village village;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private ProductCategory category;

    @Column(nullable = false, length = 20)
    private String unit;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(nullable = false)
    private int stock;

    @Column(name = "season_start")
    private Integer seasonStart;

    @Column(name = "season_end")
    private Integer seasonEnd;

    @Column(nullable = false)
    private boolean active;

    protected Product() {
    }

    public record Details(String name, ProductCategory category, String unit, BigDecimal price, int stock, Month seasonStart, Month seasonEnd,
            boolean active) {
    }

    public Product(Village village, Details details) {
        this.village = village;
        apply(details);
    }

    void apply(Details details) {
        this.name = details.name();
        this.category = details.category();
        this.unit = details.unit();
        this.price = Money.yuan(details.price());
        this.stock = details.stock();
        this.seasonStart = details.seasonStart() == null ? null : details.seasonStart().getValue();
        this.seasonEnd = details.seasonEnd() == null ? null : details.seasonEnd().getValue();
        this.active = details.active();
    }

    void moveTo(Village village) {
        this.village = village;
    }

    void deactivate() {
        this.active = false;
    }

    public Long getId() {
        return id;
    }

    public Village getVillage() {
        return village;
    }

    public String getName() {
        return name;
    }

    public ProductCategory getCategory() {
        return category;
    }

    public String getUnit() {
        return unit;
    }

    public BigDecimal getPrice() {
        return Money.yuan(price);
    }

    public int getStock() {
        return stock;
    }

    public Month seasonStart() {
        return seasonStart == null ? null : Month.of(seasonStart);
    }

    public Month seasonEnd() {
        return seasonEnd == null ? null : Month.of(seasonEnd);
    }

    public boolean isActive() {
        return active;
    }

    /** Whether the product is in season in the month; one without a season always is. */
    public boolean inSeason(Month month) {
        return Season.contains(seasonStart(), seasonEnd(), month);
    }
}
