package org.tradeline.account;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** An editor's or admin's account. The password is kept only as a bcrypt hash. */
@Entity
public class Account extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String username;
    public String passwordHash;
    public Role role;
    public boolean enabled;
    /** Part of every session cookie; raising it ends the account's sessions. */
    public int sessionVersion;
    public Instant createdAt;

    @Version
    public int version;

    public static Optional<Account> findByUsername(String username) {
        return username == null ? Optional.empty()
                : find("username", username.strip().toLowerCase(Locale.ROOT)).firstResultOptional();
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
