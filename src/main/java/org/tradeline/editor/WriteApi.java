package org.tradeline.editor;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.tradeline.account.Role;
import org.tradeline.event.Event;
import org.tradeline.event.EventInput;
import org.tradeline.timeline.CurrentJson;
import org.tradeline.timeline.Timeline;
import org.tradeline.timeline.TimelineInput;
import org.tradeline.web.InvalidInput;
import org.tradeline.web.PreconditionRequired;

/**
 * The editors' write API. Authenticated with HTTP Basic, a personal API token (Bearer) or, from
 * the editor's own browser, the session cookie plus the X-CSRF-Token header. Optimistic locking
 * (see {@link Precondition}): a change or delete says which version it replaces, as If-Match (any
 * ETag read for the record's current state; a stale one is 412) or as the version in the body or
 * query (409 when stale); one that says neither is a 428. Answers echo the stored record with its
 * new version and ETag.
 */
@Path("/api/timelines")
@RolesAllowed(Role.EDITOR_ROLE)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
class WriteApi {

    private final EditorService service;
    private final EditorContext context;
    private final CurrentJson current;

    WriteApi(EditorService service, EditorContext context, CurrentJson current) {
        this.service = service;
        this.context = context;
        this.current = current;
    }

    /** What a write answers: the record as the API accepts it back, with its version. */
    @POST
    public Response createTimeline(TimelineInput in) {
        Timeline t = service.createTimeline(require(in), context.username());
        return Response.created(URI.create("/api/timelines/" + t.slug)).tag(tag(t.version))
                .entity(Forms.timeline(t)).build();
    }

    @PUT
    @Path("{slug}")
    public Response updateTimeline(@RestPath String slug, TimelineInput in, @Context HttpHeaders headers, @Context UriInfo uri) {
        TimelineInput body = require(in);
        Precondition p = precondition(headers, body.version(), BODY_VERSION, () -> current.timeline(slug, uri));
        Timeline t = service.updateTimeline(slug, new TimelineInput(slug, body.title(), body.summary(), body.status(),
                body.actors(), body.updateNote(), body.version()), p, context.username());
        return Response.ok(Forms.timeline(t)).tag(tag(t.version)).build();
    }

    @DELETE
    @Path("{slug}")
    @Consumes(MediaType.WILDCARD)
    public Response deleteTimeline(@RestPath String slug, @Context HttpHeaders headers, @Context UriInfo uri,
            @RestQuery Integer version) {
        service.deleteTimeline(slug, precondition(headers, version, QUERY_VERSION, () -> current.timeline(slug, uri)));
        return Response.noContent().build();
    }

    @POST
    @Path("{slug}/events")
    public Response createEvent(@RestPath String slug, EventInput in) {
        Event e = service.createEvent(slug, require(in), context.username());
        return Response.created(URI.create("/api/timelines/" + slug + "/events/" + e.slug)).tag(tag(e.version))
                .entity(Forms.event(e)).build();
    }

    @PUT
    @Path("{slug}/events/{id}")
    public Response updateEvent(@RestPath String slug, @RestPath String id, EventInput in, @Context HttpHeaders headers,
            @Context UriInfo uri) {
        EventInput body = require(in);
        Precondition p = precondition(headers, body.version(), BODY_VERSION, () -> current.event(slug, id, uri));
        Event e = service.updateEvent(slug, id, body, p, context.username());
        return Response.ok(Forms.event(e)).tag(tag(e.version)).build();
    }

    @DELETE
    @Path("{slug}/events/{id}")
    @Consumes(MediaType.WILDCARD)
    public Response deleteEvent(@RestPath String slug, @RestPath String id, @Context HttpHeaders headers,
            @Context UriInfo uri, @RestQuery Integer version, @RestQuery String updateNote) {
        Precondition p = precondition(headers, version, QUERY_VERSION, () -> current.event(slug, id, uri));
        service.deleteEvent(slug, id, p, updateNote, context.username());
        return Response.noContent().build();
    }

    private static final String BODY_VERSION = "\"version\": 3 in the JSON body";
    private static final String QUERY_VERSION = "?version=3 in the address";

    /**
     * The write's condition: If-Match when sent (it wins over a version), else the version; a write
     * with neither is refused (428), as it would overwrite changes its sender never saw.
     */
    private static Precondition precondition(HttpHeaders headers, Integer version, String versionElsewhere,
            Supplier<Optional<CurrentJson.Tagged>> read) {
        List<String> ifMatch = headers.getRequestHeader("If-Match");
        if (ifMatch != null && ifMatch.stream().anyMatch(v -> !v.isBlank())) {
            return Precondition.ifMatch(String.join(",", ifMatch), read);
        }
        if (version == null) {
            throw new PreconditionRequired("Say which version you are replacing, so that no one else's change is "
                    + "overwritten: If-Match with the ETag you read (the ETag of a GET of this address, or of the answer "
                    + "to your last write, such as \"v3\"), or " + versionElsewhere + ". If-Match: * replaces whatever is stored.");
        }
        return Precondition.version(version);
    }

    private static EntityTag tag(int version) {
        return new EntityTag("v" + version);
    }

    private static <T> T require(T body) {
        if (body == null) {
            throw new InvalidInput(Map.of("body", "Send the record as a JSON object."));
        }
        return body;
    }
}
