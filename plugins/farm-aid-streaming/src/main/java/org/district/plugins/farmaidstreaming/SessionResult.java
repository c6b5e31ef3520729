package org.district.plugins.farmaidstreaming;

import java.math.BigDecimal;

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
 * What one session sold of one product it featured: units, the sales value in yuan (exact), orders
 * and orders returned. A session's totals, and every report, are sums of these rows; no total is
 * stored anywhere else, so nothing can drift from them.
 */
@Entity
@Table(name = "session_result")
public class SessionResult {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "farm_aid_seq")
    @SequenceGenerator(name = "farm_aid_seq", sequenceName = "farm_aid_seq", allocationSize = 1)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "session_id")
    private LiveSession session;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "product_id")
    private Product product;

    @Column(name = "units_sold", nullable = false)
    private int unitsSold;

    @Column(name = "sales_value", nullable = false, precision = 14, scale = 2)
    private BigDecimal salesValue;

    @Column(nullable = false)
    private int orders;

    @Column(nullable = false)
    private int returns;

    protected SessionResult() {
    }

    public SessionResult(LiveSession session, Product product, int unitsSold, BigDecimal salesValue, int orders, int returns) {
        this.session = session;
        this.product = product;
        this.unitsSold = unitsSold;
        this.salesValue = Money.yuan(salesValue);
        this.orders = orders;
        this.returns = returns;
    }

    public Long getId() {
        return id;
    }

    public LiveSession getSession() {
        return session;
    }

    public Product getProduct() {
        return product;
    }

    public int getUnitsSold() {
        return unitsSold;
    }

    public BigDecimal getSalesValue() {
        return Money.yuan(salesValue);
    }

    public int getOrders() {
        return orders;
    }

    public int getReturns() {
        return returns;
    }
}
