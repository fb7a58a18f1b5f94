package org.tradeline.web;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.common.headers.MediaTypeHeaderDelegate;
import org.jboss.resteasy.reactive.common.util.URLUtils;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.handlers.FormBodyHandler;
import org.jboss.resteasy.reactive.server.handlers.RequestDeserializeHandler;

/** The one place where exceptions become answers (HTML for pages, problem+json for /api). */
class ErrorMapper {

    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    private final ErrorResponses errors;

    ErrorMapper(ErrorResponses errors) {
        this.errors = errors;
    }

    @ServerExceptionMapper
    Response invalidParameter(InvalidParameterException e, UriInfo uri) {
        return errors.respond(path(uri), 400, e.getMessage(), e.parameter(), null);
    }

    @ServerExceptionMapper
    Response invalidInput(InvalidInput e, UriInfo uri) {
        List<Problem.FieldError> fields = e.errors().entrySet().stream()
                .map(x -> new Problem.FieldError(x.getKey(), x.getValue())).toList();
        return errors.respond(path(uri), 422, fields.size() == 1 ? "One field is not valid." : fields.size()
                + " fields are not valid.", null, fields);
    }

    @ServerExceptionMapper
    Response tooLarge(RequestTooLarge e, UriInfo uri) {
        return errors.respond(path(uri), 413, e.getMessage(), null, null);
    }

    @ServerExceptionMapper
    Response staleVersion(StaleVersion e, UriInfo uri) {
        int status = e.fromIfMatch() ? 412 : 409;
        return errors.respond(path(uri), status, "Someone else changed this since you read it; it is now at version "
                + e.currentVersion() + ". Read it again, reapply your change and send that version.", null, null);
    }

    @ServerExceptionMapper
    Response preconditionRequired(PreconditionRequired e, UriInfo uri) {
        return errors.respond(path(uri), 428, e.getMessage(), null, null);
    }

    @ServerExceptionMapper
    Response preconditionFailed(PreconditionFailed e, UriInfo uri) {
        return errors.respond(path(uri), 412, e.getMessage(), null, null);
    }

    @ServerExceptionMapper({jakarta.persistence.OptimisticLockException.class, org.hibernate.StaleStateException.class})
    Response concurrentWrite(Exception e, UriInfo uri) {
        return errors.respond(path(uri), 409, "Someone else saved a change at the same moment. Read it again and retry.", null, null);
    }

    @ServerExceptionMapper({com.fasterxml.jackson.core.JsonProcessingException.class,
            com.fasterxml.jackson.databind.exc.MismatchedInputException.class,
            com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException.class,
            com.fasterxml.jackson.databind.exc.InvalidFormatException.class})
    Response unreadableJson(com.fasterxml.jackson.core.JsonProcessingException e, UriInfo uri) {
        String detail = e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u
                ? "Unknown field \u201c" + u.getPropertyName() + "\u201d."
                : "The request body is not valid JSON of the expected shape"
                        + (e.getLocation() == null ? "." : " (line " + e.getLocation().getLineNr() + ", column "
                                + e.getLocation().getColumnNr() + ").");
        return errors.respond(path(uri), 400, detail, null, null);
    }

    /** A request body that ends early or is not well-formed (a cut-off multipart upload): the client's fault. */
    @ServerExceptionMapper
    Response unreadableBody(java.io.IOException e, UriInfo uri) {
        return errors.respond(path(uri), 400, "The request body could not be read: it was cut off or is not well-formed.",
                null, null);
    }

    @ServerExceptionMapper
    Response notFound(NotFoundException e, UriInfo uri) {
        String detail = isOurs(e) ? e.getMessage() : "There is nothing at this address.";
        return errors.respond(path(uri), 404, detail, null, null);
    }

    @ServerExceptionMapper
    Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            return unreadableJson(json, uri); // the JSON reader wraps what the parser refused (bad syntax, a key given twice)
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return errors.respond(path(uri), status, ErrorResponses.title(status) + ".", null, null);
    }

    @ServerExceptionMapper
    Response unexpected(Throwable e, UriInfo uri) {
        if (badData(e)) { // SQLSTATE class 22: e.g. a null byte in a slug, which PostgreSQL refuses to look up
            return errors.respond(path(uri), 400,
                    "The request contains characters that cannot be looked up or stored, such as a null byte.", null, null);
        }
        if (undecodable(e)) {
            return errors.respond(path(uri), 400, "The request could not be read: its body or its Content-Type is not "
                    + "well-formed (such as a % that does not start an escape of two hexadecimal digits, an unknown "
                    + "charset, or a malformed multipart part).", null, null);
        }
        if (overloaded(e)) {
            LOG.warnf("Overloaded: no database connection became free in time for %s", path(uri));
            return Response.fromResponse(errors.respond(path(uri), 503,
                    "The site is very busy right now. Please try again in a few seconds.", null, null))
                    .header("Retry-After", "5").build();
        }
        if (databaseUnavailable(e)) {
            LOG.warnf("Database unavailable for %s: %s", path(uri), reason(e));
            return Response.fromResponse(errors.respond(path(uri), 503,
                    "The database is unavailable for a moment. Please try again in a few seconds.", null, null))
                    .header("Retry-After", "5").build();
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", id, path(uri));
        return errors.respond(path(uri), 500, "Something went wrong on our side. Reference: " + id + ".", null, null);
    }

    /** The database refused a value the request carried (SQLSTATE class 22, "data exception"). */
    static boolean badData(Throwable e) {
        return sqlStates(e).anyMatch(state -> state.startsWith("22"));
    }

    /**
     * The exception, its causes and what each of them suppressed, each once. A failed commit keeps
     * the reason in a suppressed exception: Narayana's {@code RollbackException} ("could not commit")
     * carries the resource's {@code XAException}, whose cause is the driver's {@code SQLException}.
     */
    static Stream<Throwable> causes(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>(List.of(e));
        Stream.Builder<Throwable> all = Stream.builder();
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (seen.add(t)) {
                all.add(t);
                if (t.getCause() != null) {
                    todo.add(t.getCause());
                }
                todo.addAll(List.of(t.getSuppressed()));
            }
        }
        return all.build();
    }

    /** The SQLSTATE of every {@link java.sql.SQLException} among {@link #causes}. */
    private static Stream<String> sqlStates(Throwable e) {
        return causes(e).filter(t -> t instanceof java.sql.SQLException).map(t -> ((java.sql.SQLException) t).getSQLState())
                .filter(Objects::nonNull);
    }

    /**
     * Where the framework decodes a request before any of our code reads it: the handlers that read
     * a form or multipart body and deserialise a body into a parameter, percent-decoding, and the
     * parsing of the Content-Type.
     */
    private static final List<Class<?>> DECODERS = List.of(FormBodyHandler.class, RequestDeserializeHandler.class,
            URLUtils.class, MediaTypeHeaderDelegate.class);

    /**
     * A request the framework could not decode: a cut-off percent escape ({@code headline=%E0%A4%A}),
     * an unknown form charset, a form field without a name, a malformed multipart part header or an
     * empty boundary, a Content-Type that is not a media type. The decoders refuse such input with
     * generic exceptions (IllegalArgumentException, UnsupportedCharsetException, even index out of
     * bounds), so what makes one the client's fault is where it was thrown: inside a decoder, with
     * none of our code between. The same types thrown from our code are still a 500.
     */
    static boolean undecodable(Throwable e) {
        if (!(e instanceof RuntimeException)) {
            return false;
        }
        for (StackTraceElement frame : e.getStackTrace()) {
            String name = frame.getClassName();
            if (name.startsWith("org.tradeline.")) {
                return false;
            }
            for (Class<?> decoder : DECODERS) {
                if (name.equals(decoder.getName()) || name.startsWith(decoder.getName() + "$")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every pooled database connection stayed busy past the acquisition timeout: a 503, not a fault. */
    static boolean overloaded(Throwable e) {
        return causes(e).anyMatch(t -> t instanceof java.sql.SQLException
                && String.valueOf(t.getMessage()).contains("acquisition timeout"));
    }

    /**
     * The database cannot be reached or is going away: SQLSTATE class 08 (connection exception: refused,
     * broken, reset) or 57P01-57P03 (terminated by an administrator, crash shutdown, starting up), as
     * while PostgreSQL restarts or fails over. A 503 until it is back, not a fault. Also when the
     * connection died at commit (the reason then among suppressed exceptions): a write may or may not
     * have been stored, and a client that sent {@code If-Match} can repeat it safely.
     */
    static boolean databaseUnavailable(Throwable e) {
        return sqlStates(e).anyMatch(state -> state.startsWith("08") || state.matches("57P0[123]"));
    }

    /** What the database said (the first SQLException among {@link #causes}), else the innermost cause's message. */
    private static String reason(Throwable e) {
        Throwable t = causes(e).filter(c -> c instanceof java.sql.SQLException).findFirst().orElse(e);
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Our own NotFoundExceptions carry a message meant for readers; framework ones do not. */
    private static boolean isOurs(NotFoundException e) {
        return e instanceof NotFound;
    }

    private static String path(UriInfo uri) {
        return uri == null ? "" : uri.getPath();
    }
}
