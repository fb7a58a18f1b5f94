package org.tradeline.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** A personal API token for the write API; only its SHA-256 is stored. */
@Entity
public class ApiToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    public String name;
    public String tokenHash;
    /** The first characters of the token, so its owner can tell tokens apart. */
    public String prefix;
    public Instant createdAt;
    public Instant lastUsedAt;
    public Instant revokedAt;

    public boolean isActive() {
        return revokedAt == null;
    }
}
