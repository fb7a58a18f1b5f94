package org.tradeline.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Typed view of the {@code tradeline.*} keys in application.properties. */
@ConfigMapping(prefix = "tradeline")
public interface TradelineConfig {

    /** Folder of the H2 database files (used in the JDBC URL). */
    @WithDefault("data")
    String dataDir();

    Import importing();

    Site site();

    Admin admin();

    Session session();

    Cache cache();

    interface Cache {
        /**
         * How a read learns of a write: {@code memory} (this process is the database's only writer),
         * {@code push} (PostgreSQL notifies every instance of each commit), {@code database} (one read
         * per request), or {@code auto}: memory for embedded H2, push for PostgreSQL, else database.
         */
        @WithDefault("auto")
        String revisions();

        /** Full exports of timelines with more events than this are streamed to files instead of kept in memory. */
        @WithDefault("1000")
        int fileThreshold();
    }

    Http http();

    Extract extract();

    interface Extract {
        /**
         * Hosts whose articles editors may have fetched by URL when drafting events ({@code host} or
         * {@code host:port}); none by default, which turns fetching off.
         */
        Optional<List<String>> fetchHosts();
    }

    interface Http {
        /**
         * Send {@code Strict-Transport-Security} on every answer. Turn on only when the site is served
         * over HTTPS alone (TLS here or at the proxy): browsers then refuse plain HTTP for a year.
         */
        @WithDefault("false")
        boolean hsts();
    }

    interface Admin {
        /** The account created on first start when there is none. */
        @WithDefault("admin")
        String username();

        /** Its password (env TRADELINE_ADMIN_PASSWORD); a random one is logged once when unset. */
        Optional<String> password();
    }

    interface Session {
        /**
         * Secret that encrypts session cookies and signs CSRF tokens. Give every instance the same
         * one; when unset, one is generated once and kept in the data folder.
         */
        Optional<String> secret();

        /** How long a sign-in lasts. */
        @WithDefault("12H")
        java.time.Duration maxAge();

        /** Mark cookies Secure even when the request reached us over plain HTTP (TLS at a proxy). */
        @WithDefault("false")
        boolean secureCookies();
    }

    interface Import {
        /** Folders whose *.yaml timeline files are imported at start. */
        @WithDefault("timelines")
        List<String> dirs();
    }

    interface Site {
        @WithDefault("Tradeline")
        String name();

        /** Absolute base URL for links that leave the page; taken from the request when unset. */
        Optional<String> baseUrl();
    }
}
