package org.tradeline.extract;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestPath;
import org.tradeline.account.Role;
import org.tradeline.editor.EditorContext;
import org.tradeline.editor.EditorQueries;
import org.tradeline.editor.Forms;
import org.tradeline.extract.CandidateForm.Row;
import org.tradeline.extract.text.ArticleExtractor.Extraction;
import org.tradeline.web.InvalidInput;
import org.tradeline.web.Templates;

/**
 * The editors' page for drafting events from an article: paste (or fetch) the article, see every
 * dated statement as a candidate, tick and edit, add the ticked ones as drafts. Finding writes
 * nothing; adding is Post/Redirect/Get back to the timeline's editor page.
 */
@Path("/editor/timelines/{slug}/extract")
@RolesAllowed(Role.EDITOR_ROLE)
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
class ExtractPages {

    private static final Map<String, String> LABELS = Map.of("text", "Article text", "published", "Published on",
            "title", "Article title", "publisher", "Publisher", "url", "Article URL", "candidates", "Candidates");

    private final ExtractService service;
    private final ArticleFetcher fetcher;
    private final EditorContext context;
    private final EditorQueries queries;
    private final Templates templates;

    ExtractPages(ExtractService service, ArticleFetcher fetcher, EditorContext context, EditorQueries queries, Templates templates) {
        this.service = service;
        this.fetcher = fetcher;
        this.context = context;
        this.queries = queries;
        this.templates = templates;
    }

    @GET
    public String form(@RestPath String slug) {
        return page(slug, new ArticleRules.Input(null, null, null, null, null), null, false, new LinkedHashMap<>());
    }

    /** Finds the candidates (fetching the article first when asked). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response find(@RestPath String slug, MultivaluedMap<String, String> form) {
        ArticleRules.Input in = input(form);
        queries.timeline(slug); // 404 for an unknown timeline
        if ("fetch".equals(form.getFirst("action"))) {
            if (!fetcher.enabled()) {
                return invalid(page(slug, in, null, false, errors("url", "Fetching articles is turned off on this site: paste the text.")));
            }
            try {
                in = Fetching.fill(in, fetcher);
            } catch (InvalidInput e) {
                return invalid(page(slug, in, null, false, new LinkedHashMap<>(e.errors())));
            }
        }
        ArticleRules.Checked checked = ArticleRules.check(in, true);
        if (!checked.isValid()) {
            return invalid(page(slug, in, null, false, new LinkedHashMap<>(checked.errors())));
        }
        Extraction x = service.extract(slug, checked.article());
        return Response.ok(page(slug, in, CandidateForm.rows(x, service.headlines(slug)), x.truncated(), new LinkedHashMap<>())).build();
    }

    /** Adds the ticked candidates as drafts, all or none. */
    @POST
    @Path("drafts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(@RestPath String slug, MultivaluedMap<String, String> form) {
        ArticleRules.Input in = input(form);
        Map<String, String> headlines = service.headlines(slug);
        List<Row> rows = CandidateForm.read(form, headlines);
        ArticleRules.Checked checked = ArticleRules.check(in, false);
        Map<String, String> errors = new LinkedHashMap<>(checked.errors());
        if (checked.isValid()) {
            errors.putAll(ArticleRules.sourceProblems(checked.article()));
            Set<String> actors = service.facts(slug).actors().stream().map(a -> a.id()).collect(Collectors.toSet());
            CandidateForm.problems(rows, checked.article(), actors::contains).forEach(errors::putIfAbsent);
        }
        List<Row> picked = rows.stream().filter(Row::picked).toList();
        if (picked.isEmpty()) {
            errors.put("candidates", "Tick \u201cAdd as draft\u201d on at least one candidate.");
        }
        if (!errors.isEmpty()) {
            return invalid(page(slug, in, rows, false, errors));
        }
        List<String> ids = service.addDrafts(slug, picked.stream().map(r -> CandidateForm.draft(r, checked.article())).toList(),
                context.username());
        // Event ids are slugs (letters, digits, hyphens): the list needs no escaping.
        return Response.seeOther(URI.create("/editor/timelines/" + slug + "?done=drafts-added&drafted=" + String.join(",", ids))).build();
    }

    private static ArticleRules.Input input(MultivaluedMap<String, String> form) {
        return new ArticleRules.Input(form.getFirst("text"), form.getFirst("published"), form.getFirst("title"),
                form.getFirst("publisher"), form.getFirst("url"));
    }

    private String page(String slug, ArticleRules.Input in, List<Row> rows, boolean truncated, Map<String, String> errors) {
        Map<String, Object> vars = context.page(null);
        vars.put("timeline", queries.timeline(slug));
        vars.put("timelineActors", queries.actors(slug));
        vars.put("form", in);
        vars.put("candidates", rows);
        vars.put("pickedCount", rows == null ? 0 : rows.stream().filter(Row::picked).count());
        vars.put("truncated", truncated);
        vars.put("fetchHosts", fetcher.enabled() ? String.join(", ", fetcher.hosts()) : null);
        vars.put("precisionOptions", Forms.PRECISIONS);
        vars.put("categoryOptions", Forms.categories());
        vars.put("errors", errors);
        vars.put("errorLinks", links(errors));
        return templates.render("extract/extract", vars);
    }

    private static List<Forms.ErrorLink> links(Map<String, String> errors) {
        List<Forms.ErrorLink> links = new ArrayList<>();
        errors.forEach((key, message) -> {
            if (key.matches("c\\d+-\\w+")) {
                int dash = key.indexOf('-');
                String field = key.substring(dash + 1);
                String n = String.valueOf(Integer.parseInt(key.substring(1, dash)) + 1);
                links.add(new Forms.ErrorLink("f-" + key, label(field) + " (candidate " + n + ")", message));
            } else {
                links.add(new Forms.ErrorLink(key.equals("candidates") ? "candidates-heading" : "f-" + key, LABELS.getOrDefault(key, key), message));
            }
        });
        return links;
    }

    private static String label(String field) {
        return switch (field) {
            case "headline" -> "Headline";
            case "date" -> "Date";
            case "precision" -> "Precision";
            case "endDate" -> "End date";
            case "category" -> "Category";
            case "actors" -> "Actors";
            default -> field;
        };
    }

    private static Map<String, String> errors(String key, String message) {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put(key, message);
        return errors;
    }

    private static Response invalid(String html) {
        return Response.status(422).entity(html).build();
    }
}
