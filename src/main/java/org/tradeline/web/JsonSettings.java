package org.tradeline.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * How request bodies are read as JSON: a name given twice in one object ({@code "url": "a", "url": "b"})
 * is malformed input, answered 400. Without this Jackson either kept the last value silently or,
 * inside a record such as a source, failed with a definition error that was answered 500.
 */
@Singleton
class JsonSettings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
