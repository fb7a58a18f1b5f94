package org.tradeline.web;

/** The record changed since the editor loaded it (optimistic locking). Nothing was saved. */
public class StaleVersion extends RuntimeException {

    private final int currentVersion;
    private final boolean fromIfMatch;

    public StaleVersion(int currentVersion, boolean fromIfMatch) {
        super("stale version; current is " + currentVersion);
        this.currentVersion = currentVersion;
        this.fromIfMatch = fromIfMatch;
    }

    public int currentVersion() {
        return currentVersion;
    }

    /** True when the stale version came in an If-Match header (answered 412, else 409). */
    public boolean fromIfMatch() {
        return fromIfMatch;
    }
}
