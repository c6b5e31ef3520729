package org.district.testmodules.greeter;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** Someone the greeter has greeted. */
@Entity
@Table(name = "greeter_visitor")
public class Visitor {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "greeter_visitor_seq")
    @SequenceGenerator(name = "greeter_visitor_seq", sequenceName = "greeter_visitor_seq", allocationSize = 1)
    private Long id;

    @Column(nullable = false, length = 100)
    private String name;

    protected Visitor() {
    }

    public Visitor(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }
}
