package org.tradeline.editor;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.tradeline.account.Role;
import org.tradeline.event.Event;
import org.tradeline.event.EventInput;
import org.tradeline.web.InvalidInput;
import org.tradeline.timeline.Timeline;
import org.tradeline.timeline.TimelineInput;

/**
 * The editors' write API. Authenticated with HTTP Basic, a personal API token (Bearer) or, from
 * the editor's own browser, the session cookie plus the X-CSRF-Token header. Optimistic locking:
 * send the version you read in the body or as {@code If-Match: "v3"}; a stale one is 409 (body)
 * or 412 (If-Match). Answers echo the stored record with its new version and ETag.
 */
@Path("/api/timelines")
@RolesAllowed(Role.EDITOR_ROLE)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
class WriteApi {

    private static final Pattern IF_MATCH = Pattern.compile("(?:W/)?\"?v?(\\d{1,9})\"?");

    private final EditorService service;
    private final EditorContext context;

    WriteApi(EditorService service, EditorContext context) {
        this.service = service;
        this.context = context;
    }

    /** What a write answers: the record as the API accepts it back, with its version. */
    @POST
    public Response createTimeline(TimelineInput in) {
        Timeline t = service.createTimeline(require(in), context.username());
        return Response.created(URI.create("/api/timelines/" + t.slug)).tag("v" + t.version)
                .entity(Forms.timeline(t)).build();
    }

    @PUT
    @Path("{slug}")
    public Response updateTimeline(@RestPath String slug, TimelineInput in, @RestHeader("If-Match") String ifMatch) {
        TimelineInput body = require(in);
        Version v = version(ifMatch, body.version());
        Timeline t = service.updateTimeline(slug, new TimelineInput(slug, body.title(), body.summary(), body.status(),
                body.actors(), body.updateNote(), v.value()), v.value(), v.fromIfMatch(), context.username());
        return Response.ok(Forms.timeline(t)).tag("v" + t.version).build();
    }

    @DELETE
    @Path("{slug}")
    @Consumes(MediaType.WILDCARD)
    public Response deleteTimeline(@RestPath String slug, @RestHeader("If-Match") String ifMatch, @RestQuery Integer version) {
        Version v = version(ifMatch, version);
        service.deleteTimeline(slug, v.value(), v.fromIfMatch());
        return Response.noContent().build();
    }

    @POST
    @Path("{slug}/events")
    public Response createEvent(@RestPath String slug, EventInput in) {
        Event e = service.createEvent(slug, require(in), context.username());
        return Response.created(URI.create("/api/timelines/" + slug + "/events/" + e.slug)).tag("v" + e.version)
                .entity(Forms.event(e)).build();
    }

    @PUT
    @Path("{slug}/events/{id}")
    public Response updateEvent(@RestPath String slug, @RestPath String id, EventInput in,
            @RestHeader("If-Match") String ifMatch) {
        EventInput body = require(in);
        Version v = version(ifMatch, body.version());
        Event e = service.updateEvent(slug, id, body, v.value(), v.fromIfMatch(), context.username());
        return Response.ok(Forms.event(e)).tag("v" + e.version).build();
    }

    @DELETE
    @Path("{slug}/events/{id}")
    @Consumes(MediaType.WILDCARD)
    public Response deleteEvent(@RestPath String slug, @RestPath String id, @RestHeader("If-Match") String ifMatch,
            @RestQuery Integer version, @RestQuery String updateNote) {
        Version v = version(ifMatch, version);
        service.deleteEvent(slug, id, v.value(), v.fromIfMatch(), updateNote, context.username());
        return Response.noContent().build();
    }

    private record Version(Integer value, boolean fromIfMatch) {
    }

    private static Version version(String ifMatch, Integer fromBody) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return new Version(fromBody, false);
        }
        Matcher m = IF_MATCH.matcher(ifMatch.strip());
        if (!m.matches()) {
            throw new InvalidInput(Map.of("If-Match", "Send the version as If-Match: \"v3\" (the ETag of a write's answer)."));
        }
        return new Version(Integer.valueOf(m.group(1)), true);
    }

    private static <T> T require(T body) {
        if (body == null) {
            throw new InvalidInput(Map.of("body", "Send the record as a JSON object."));
        }
        return body;
    }
}
