package org.tradeline.editor;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.tradeline.account.Role;
import org.tradeline.event.Event;
import org.tradeline.event.EventInput;
import org.tradeline.web.InvalidInput;
import org.tradeline.web.StaleVersion;
import org.tradeline.web.Templates;
import org.tradeline.timeline.Timeline;
import org.tradeline.timeline.TimelineInput;
import org.tradeline.timeline.TimelineSnapshots;
import org.tradeline.timelinefile.TimelineExport;

/** The editors' HTML area: timelines, their events (drafts included), forms, previews and history. */
@Path("/editor")
@RolesAllowed(Role.EDITOR_ROLE)
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
class EditorPages {

    private final EditorService service;
    private final EditorQueries queries;
    private final EditorContext context;
    private final Templates templates;
    private final TimelineSnapshots snapshots;
    private final TimelineExport export;

    EditorPages(EditorService service, EditorQueries queries, EditorContext context, Templates templates,
            TimelineSnapshots snapshots, TimelineExport export) {
        this.export = export;
        this.service = service;
        this.queries = queries;
        this.context = context;
        this.templates = templates;
        this.snapshots = snapshots;
    }

    @GET
    public String timelines(@RestQuery String done) {
        Map<String, Object> vars = context.page(done);
        vars.put("timelines", queries.timelines());
        return templates.render("editor/timelines", vars);
    }

    // --- timelines -----------------------------------------------------------------------

    @GET
    @Path("timelines/new")
    public String newTimeline() {
        return timelineForm(new TimelineInput(null, null, null, "draft", List.of(), null, null), Forms.noErrors(), true, 3);
    }

    @POST
    @Path("timelines/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createTimeline(MultivaluedMap<String, String> form) {
        TimelineInput in = Forms.timeline(form);
        if ("add-actor".equals(Forms.one(form, "action"))) {
            return ok(timelineForm(in, Forms.noErrors(), true, 1));
        }
        try {
            Timeline t = service.createTimeline(in, context.username());
            return seeOther("/editor/timelines/" + t.slug + "?done=timeline-created");
        } catch (InvalidInput e) {
            return invalid(timelineForm(in, e.errors(), true, 0));
        }
    }

    @GET
    @Path("timelines/{slug}")
    public String timeline(@RestPath String slug, @RestQuery String done, @RestQuery String drafted) {
        Map<String, Object> vars = context.page(done);
        vars.put("timeline", queries.timeline(slug));
        List<EditorQueries.EventRow> events = queries.events(slug);
        vars.put("events", events);
        // After drafting from an article: the new drafts, named by id (only ids of this timeline's events are shown).
        List<String> ids = drafted == null ? List.of() : List.of(drafted.split(","));
        vars.put("drafted", events.stream().filter(e -> ids.contains(e.id())).toList());
        return templates.render("editor/timeline", vars);
    }

    @GET
    @Path("timelines/{slug}/edit")
    public String editTimeline(@RestPath String slug) {
        return timelineForm(queries.timelineInput(slug), Forms.noErrors(), false, 1);
    }

    @POST
    @Path("timelines/{slug}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateTimeline(@RestPath String slug, MultivaluedMap<String, String> form) {
        TimelineInput in = withSlug(Forms.timeline(form), slug);
        if ("add-actor".equals(Forms.one(form, "action"))) {
            return ok(timelineForm(in, Forms.noErrors(), false, 1));
        }
        try {
            service.updateTimeline(slug, in, Precondition.version(in.version()), context.username());
            return seeOther("/editor/timelines/" + slug + "?done=timeline-saved");
        } catch (InvalidInput e) {
            return invalid(timelineForm(in, e.errors(), false, 0));
        } catch (StaleVersion e) {
            TimelineInput current = queries.timelineInput(slug);
            TimelineInput mine = new TimelineInput(in.slug(), in.title(), in.summary(), in.status(), in.actors(),
                    in.updateNote(), current.version());
            Map<String, String> errors = Forms.noErrors();
            errors.put("version", "Someone else changed this timeline while you were editing. Nothing was saved: your "
                    + "version is in the form, the saved one is shown below it. Save again to replace it with yours.");
            Map<String, Object> vars = timelineVars(mine, errors, false, 0);
            vars.put("current", current);
            return conflict(templates.render("editor/timeline-form", vars));
        }
    }

    private static TimelineInput withSlug(TimelineInput in, String slug) {
        return new TimelineInput(slug, in.title(), in.summary(), in.status(), in.actors(), in.updateNote(), in.version());
    }

    private String timelineForm(TimelineInput in, Map<String, String> errors, boolean creating, int extraActors) {
        return templates.render("editor/timeline-form", timelineVars(in, errors, creating, extraActors));
    }

    private Map<String, Object> timelineVars(TimelineInput in, Map<String, String> errors, boolean creating, int extraActors) {
        Map<String, Object> vars = context.page(null);
        vars.put("form", in);
        vars.put("actorRows", Forms.actorRows(in, extraActors));
        vars.put("creating", creating);
        vars.put("statusOptions", Forms.STATUS);
        vars.put("errors", errors);
        vars.put("errorLinks", Forms.links(errors));
        vars.put("current", null);
        return vars;
    }

    // --- events ----------------------------------------------------------------------------

    @GET
    @Path("timelines/{slug}/events/new")
    public String newEvent(@RestPath String slug) {
        return eventForm(slug, null, Forms.blankEvent(), Forms.noErrors(), 2);
    }

    @POST
    @Path("timelines/{slug}/events/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createEvent(@RestPath String slug, MultivaluedMap<String, String> form) {
        EventInput in = Forms.event(form);
        if ("add-source".equals(Forms.one(form, "action"))) {
            return ok(eventForm(slug, null, in, Forms.noErrors(), 1));
        }
        try {
            Event e = service.createEvent(slug, in, context.username());
            return seeOther("/editor/timelines/" + slug + "?done=event-created#event-" + e.slug);
        } catch (InvalidInput e) {
            return invalid(eventForm(slug, null, in, e.errors(), 0));
        }
    }

    @GET
    @Path("timelines/{slug}/events/{id}/edit")
    public String editEvent(@RestPath String slug, @RestPath String id) {
        return eventForm(slug, id, queries.eventInput(slug, id), Forms.noErrors(), 1);
    }

    @POST
    @Path("timelines/{slug}/events/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateEvent(@RestPath String slug, @RestPath String id, MultivaluedMap<String, String> form) {
        EventInput in = Forms.event(form);
        if ("add-source".equals(Forms.one(form, "action"))) {
            return ok(eventForm(slug, id, in, Forms.noErrors(), 1));
        }
        try {
            service.updateEvent(slug, id, in, Precondition.version(in.version()), context.username());
            return seeOther("/editor/timelines/" + slug + "?done=event-saved#event-" + id);
        } catch (InvalidInput e) {
            return invalid(eventForm(slug, id, in, e.errors(), 0));
        } catch (StaleVersion e) {
            EventInput current = queries.eventInput(slug, id);
            EventInput mine = new EventInput(in.id(), in.date(), in.precision(), in.endDate(), in.headline(), in.body(),
                    in.category(), in.actors(), in.sources(), in.importance(), in.status(), in.updateNote(), current.version());
            Map<String, String> errors = Forms.noErrors();
            errors.put("version", "Someone else changed this event while you were editing. Nothing was saved: your "
                    + "version is in the form, the saved one is shown above it. Save again to replace it with yours.");
            Map<String, Object> vars = eventVars(slug, id, mine, errors, 0);
            vars.put("current", current);
            vars.put("currentSources", current.sourcesOrEmpty());
            return conflict(templates.render("editor/event-form", vars));
        }
    }

    @GET
    @Path("timelines/{slug}/events/{id}/delete")
    public String confirmDelete(@RestPath String slug, @RestPath String id) {
        Map<String, Object> vars = context.page(null);
        vars.put("timeline", queries.timeline(slug));
        vars.put("event", queries.eventInput(slug, id));
        return templates.render("editor/event-delete", vars);
    }

    @POST
    @Path("timelines/{slug}/events/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteEvent(@RestPath String slug, @RestPath String id, MultivaluedMap<String, String> form) {
        try {
            service.deleteEvent(slug, id, Precondition.version(Forms.version(form)), Forms.one(form, "updateNote"),
                    context.username());
            return seeOther("/editor/timelines/" + slug + "?done=event-deleted");
        } catch (StaleVersion e) {
            Map<String, Object> vars = context.page(null);
            vars.put("timeline", queries.timeline(slug));
            vars.put("event", queries.eventInput(slug, id));
            Map<String, String> errors = Forms.noErrors();
            errors.put("version", "Someone changed this event after you opened this page. Check it, then confirm again.");
            vars.put("errors", errors);
            vars.put("errorLinks", Forms.links(errors));
            return conflict(templates.render("editor/event-delete", vars));
        }
    }

    @GET
    @Path("timelines/{slug}/events/{id}/preview")
    public String preview(@RestPath String slug, @RestPath String id) {
        Map<String, Object> vars = context.page(null);
        vars.put("timeline", snapshots.current(slug).orElseThrow());
        vars.put("event", queries.preview(slug, id));
        vars.put("previous", null);
        vars.put("next", null);
        vars.put("preview", true);
        return templates.render("timeline/event", vars);
    }

    @GET
    @Path("timelines/{slug}/events/{id}/history")
    public String history(@RestPath String slug, @RestPath String id) {
        Map<String, Object> vars = context.page(null);
        vars.put("timeline", queries.timeline(slug));
        vars.put("eventId", id);
        vars.put("headline", queries.headline(slug, id));
        vars.put("revisions", queries.history(slug, id));
        return templates.render("editor/history", vars);
    }

    // --- CSV import (TimelineJS spreadsheet) ---------------------------------------------

    @GET
    @Path("timelines/{slug}/import")
    public String importForm(@RestPath String slug) {
        return importPage(slug, null, null, "draft", null);
    }

    @POST
    @Path("timelines/{slug}/import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importCsv(@RestPath String slug, @org.jboss.resteasy.reactive.RestForm("file") org.jboss.resteasy.reactive.multipart.FileUpload file,
            @org.jboss.resteasy.reactive.RestForm String csv, @org.jboss.resteasy.reactive.RestForm String status,
            @org.jboss.resteasy.reactive.RestForm String action) {
        String text = csv;
        if (file != null && file.size() > 0) {
            try {
                text = new String(java.nio.file.Files.readAllBytes(file.uploadedFile()), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                text = null;
            }
        }
        String importStatus = "published".equals(status) ? "published" : "draft";
        if (text == null || text.isBlank()) {
            return invalid(importPage(slug, null, null, importStatus, "Choose a CSV file, or paste its contents."));
        }
        List<CsvImport.Row> rows;
        try {
            queries.timeline(slug); // 404 for an unknown timeline
            var actors = queries.actors(slug);
            rows = CsvImport.read(text, importStatus, id -> actors.stream().anyMatch(a -> a.id().equals(id)));
        } catch (IllegalArgumentException e) {
            return invalid(importPage(slug, null, null, importStatus, e.getMessage()));
        }
        List<EventInput> accepted = rows.stream().filter(CsvImport.Row::accepted).map(CsvImport.Row::event).toList();
        if ("import".equals(action) && accepted.isEmpty()) {
            return invalid(importPage(slug, rows, text, importStatus, "Nothing was imported: no row of this file can be used."));
        }
        if ("import".equals(action)) {
            try {
                service.importEvents(slug, accepted, context.username());
                return seeOther("/editor/timelines/" + slug + "?done=csv-imported");
            } catch (InvalidInput e) {
                return invalid(importPage(slug, rows, text, importStatus, "Nothing was imported: " + String.join(" ", e.errors().values())));
            }
        }
        return ok(importPage(slug, rows, text, importStatus, null));
    }

    private String importPage(String slug, List<CsvImport.Row> rows, String csv, String status, String error) {
        Map<String, Object> vars = context.page(null);
        vars.put("timeline", queries.timeline(slug));
        vars.put("rows", rows);
        vars.put("csv", csv);
        vars.put("importStatus", status);
        vars.put("importError", error);
        vars.put("acceptedCount", rows == null ? 0 : rows.stream().filter(CsvImport.Row::accepted).count());
        vars.put("rejectedCount", rows == null ? 0 : rows.stream().filter(r -> r.skipped() == null && !r.accepted()).count());
        return templates.render("editor/import", vars);
    }

    @GET
    @Path("timelines/{slug}/export.yaml")
    @Produces("application/yaml;charset=UTF-8")
    public Response export(@RestPath String slug) {
        return TimelineExport.attachment(slug, export.yaml(slug, false));
    }

    private String eventForm(String slug, String id, EventInput in, Map<String, String> errors, int extraSources) {
        return templates.render("editor/event-form", eventVars(slug, id, in, errors, extraSources));
    }

    private Map<String, Object> eventVars(String slug, String id, EventInput in, Map<String, String> errors, int extraSources) {
        Map<String, Object> vars = context.page(null);
        vars.put("timeline", queries.timeline(slug));
        vars.put("timelineActors", queries.actors(slug));
        vars.put("eventId", id);
        vars.put("form", in);
        vars.put("sourceRows", Forms.sourceRows(in, extraSources));
        vars.put("precisionOptions", Forms.PRECISIONS);
        vars.put("categoryOptions", Forms.categories());
        vars.put("importanceOptions", Forms.IMPORTANCE);
        vars.put("statusOptions", Forms.STATUS);
        vars.put("chosenActors", new java.util.HashSet<>(in.actorsOrEmpty()));
        vars.put("errors", errors);
        vars.put("errorLinks", Forms.links(errors));
        vars.put("current", null);
        return vars;
    }

    static Response ok(String html) {
        return Response.ok(html).build();
    }

    static Response invalid(String html) {
        return Response.status(422).entity(html).build();
    }

    static Response conflict(String html) {
        return Response.status(409).entity(html).build();
    }

    static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }
}
