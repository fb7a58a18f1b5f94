package org.tradeline.cache;

/** Content that one timeline's revision fully determines: cached answers built from it name it. */
public interface Versioned {

    String slug();

    long contentRev();
}
