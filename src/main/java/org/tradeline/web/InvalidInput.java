package org.tradeline.web;

import java.util.Map;

/** Input that broke the rules: each problem keyed by its field. Nothing was saved. */
public class InvalidInput extends RuntimeException {

    private final Map<String, String> errors;

    public InvalidInput(Map<String, String> errors) {
        super("invalid input: " + errors.keySet());
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
