package org.tradeline.web;

/** A request whose content is larger than the route takes: answered 413 with what the limit is. */
public class RequestTooLarge extends RuntimeException {

    public RequestTooLarge(String message) {
        super(message);
    }
}
