package org.tradeline.system;

/** Content that one timeline's revision fully determines: cached answers built from it name it. */
public interface Versioned {

    String slug();

    long contentRev();
}
