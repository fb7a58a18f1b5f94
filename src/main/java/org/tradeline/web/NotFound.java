package org.tradeline.web;

import jakarta.ws.rs.NotFoundException;

/** An unknown timeline or event: a 404 whose message is shown to the reader. */
public class NotFound extends NotFoundException {

    public NotFound(String message) {
        super(message);
    }
}
