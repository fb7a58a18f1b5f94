package org.tradeline.visual;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Draws one throwaway card at start, on a thread of its own at low priority, so that the fonts, the
 * glyph rasteriser and the PNG encoder are loaded before a reader's first card: without it the first
 * card after a start takes about half a second more than the others, all of it one-time set-up.
 */
@ApplicationScoped
public class ShareCardWarmUp {

    private static final Logger LOG = Logger.getLogger(ShareCardWarmUp.class);

    void warmUp(@Observes StartupEvent start) {
        Thread t = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                ShareCard.warmUp();
                LOG.debugf("Share cards ready in %d ms", (System.nanoTime() - t0) / 1_000_000);
            } catch (RuntimeException | LinkageError e) {
                // A card that cannot be drawn answers its own error when asked for; the pages are unaffected.
                LOG.warn("Could not prepare the share cards' fonts and PNG encoder", e);
            }
        }, "tradeline-card-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }
}
