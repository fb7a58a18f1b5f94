package org.tradeline.web;

/** A conditional write (If-Match) to a record that does not exist (RFC 9110, 13.1.1: 412). Nothing was saved. */
public class PreconditionFailed extends RuntimeException {

    public PreconditionFailed(String detail) {
        super(detail);
    }
}
