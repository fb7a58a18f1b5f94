package org.tradeline.extract;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.jboss.resteasy.reactive.RestPath;
import org.tradeline.account.Role;
import org.tradeline.web.InvalidInput;
import org.tradeline.web.RequestTooLarge;

/**
 * {@code POST /api/timelines/{slug}/extract}: an article in, its candidate events out, for
 * newsroom tools. Editors only (Basic, Bearer or session with CSRF header); writes nothing.
 */
@Path("/api/timelines/{slug}/extract")
@RolesAllowed(Role.EDITOR_ROLE)
class ExtractApi {

    private final ExtractService service;
    private final ArticleFetcher fetcher;

    ExtractApi(ExtractService service, ArticleFetcher fetcher) {
        this.service = service;
        this.fetcher = fetcher;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ExtractJson.Response extract(@RestPath String slug, ExtractJson.Request in) {
        if (in == null) {
            throw new InvalidInput(Map.of("body", "Send {\"text\": \u2026, \"published\": \"YYYY-MM-DD\"} as a JSON object."));
        }
        service.facts(slug); // 404 for an unknown timeline before anything is fetched
        ArticleRules.Input input = new ArticleRules.Input(in.text(), in.published(), in.title(), in.publisher(), in.url());
        boolean fetch = (in.text() == null || in.text().isBlank()) && in.url() != null && fetcher.enabled();
        if (fetch) {
            input = Fetching.fill(input, fetcher);
        }
        ArticleRules.Checked checked = ArticleRules.check(input, true);
        if (checked.tooLong()) {
            throw new RequestTooLarge(checked.errors().get("text"));
        }
        if (!checked.isValid()) {
            throw new InvalidInput(checked.errors());
        }
        Article a = checked.article();
        return ExtractJson.of(a.published(), service.extract(slug, a));
    }
}
