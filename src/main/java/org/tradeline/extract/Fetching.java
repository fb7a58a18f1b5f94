package org.tradeline.extract;

import java.util.Map;
import org.tradeline.web.InvalidInput;

/** Fills an article's fields from its page: what the editor typed wins, the page fills the gaps. */
final class Fetching {

    private Fetching() {
    }

    /** The input with the fetched text, and the page's title, publisher and date where the editor gave none. */
    static ArticleRules.Input fill(ArticleRules.Input in, ArticleFetcher fetcher) {
        if (in.url() == null || in.url().isBlank()) {
            throw new InvalidInput(Map.of("url", "Enter the article's web address to fetch it."));
        }
        FetchedArticle page;
        try {
            page = fetcher.fetch(in.url().strip());
        } catch (FetchRefused e) {
            throw new InvalidInput(Map.of("url", e.getMessage()));
        }
        return new ArticleRules.Input(page.text(),
                blank(in.published()) && page.published() != null ? page.published().toString() : in.published(),
                blank(in.title()) ? page.title() : in.title(),
                blank(in.publisher()) ? page.publisher() : in.publisher(),
                page.url());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
