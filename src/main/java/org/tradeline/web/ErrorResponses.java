package org.tradeline.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds error answers: {@code application/problem+json} for API paths, an HTML page for the
 * rest. Never shows a class name or a stack trace.
 */
@ApplicationScoped
public class ErrorResponses {

    private final Templates templates;
    private final ObjectMapper json;

    ErrorResponses(Templates templates, ObjectMapper json) {
        this.templates = templates;
        this.json = json;
    }

    public static boolean isApiPath(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/") || path.startsWith("/oembed"));
    }

    public Response respond(String path, int status, String detail, String parameter, List<Problem.FieldError> errors) {
        String title = title(status);
        if (isApiPath(path)) {
            Problem problem = new Problem("about:blank", title, status, detail, path, parameter, errors);
            return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(html(status, detail, parameter)).build();
    }

    /** The HTML error page. */
    public String html(int status, String detail, String parameter) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("status", status);
        vars.put("title", title(status));
        vars.put("detail", detail);
        vars.put("parameter", parameter);
        return templates.render("error", vars);
    }

    /** The JSON problem body as text, for answers written outside JAX-RS. */
    public String problemJson(String path, int status, String detail) {
        try {
            return json.writeValueAsString(new Problem("about:blank", title(status), status, detail, path, null, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Sign-in required";
            case 403 -> "Forbidden";
            case 404 -> "Page not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 412 -> "Precondition failed";
            case 413 -> "Request too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable content";
            case 428 -> "Precondition required";
            case 429 -> "Too many requests";
            case 501 -> "Not implemented";
            default -> status >= 500 ? "Something went wrong" : "Request not accepted";
        };
    }
}
