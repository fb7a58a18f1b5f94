package org.tradeline.web;

/** A write that says nothing of the version it replaces (RFC 6585, 428). Nothing was saved. */
public class PreconditionRequired extends RuntimeException {

    public PreconditionRequired(String whatToSend) {
        super(whatToSend);
    }
}
