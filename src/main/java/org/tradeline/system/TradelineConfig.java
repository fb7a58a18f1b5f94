package org.tradeline.system;

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
