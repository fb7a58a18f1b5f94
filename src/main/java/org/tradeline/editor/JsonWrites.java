package org.tradeline.editor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.tradeline.web.ErrorResponses;

/**
 * A write to the API must say that its body is JSON. Without a Content-Type the framework would
 * read the body as JSON anyway (and store it); a client that sends none gets a 415 that says what to send.
 */
@ApplicationScoped
class JsonWrites {

    private final ErrorResponses errors;

    JsonWrites(ErrorResponses errors) {
        this.errors = errors;
    }

    @ServerRequestFilter
    Response requireContentType(ContainerRequestContext request) {
        String method = request.getMethod();
        String path = request.getUriInfo().getPath();
        if ((method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) && path.startsWith("/api/")
                && request.getHeaderString("Content-Type") == null && hasBody(request)) {
            return errors.respond(path, 415, "Send the record as JSON, with Content-Type: application/json.", null, null);
        }
        return null;
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString("Content-Length");
        return request.getHeaderString("Transfer-Encoding") != null || length != null && !length.strip().equals("0");
    }
}
