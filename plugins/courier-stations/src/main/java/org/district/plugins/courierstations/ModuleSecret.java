package org.district.plugins.courierstations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A random key made once per database: it keys the hash that turns a worker's token into a visitor pseudonym. */
@Entity
@Table(name = "module_secret")
public class ModuleSecret {

    @Id
    @Column(length = 40)
    private String name;

    @Column(nullable = false, length = 128)
    private String secret;

    protected ModuleSecret() {
    }

    public ModuleSecret(String name, String secret) {
        this.name = name;
        this.secret = secret;
    }

    public String getSecret() {
        return secret;
    }
}
