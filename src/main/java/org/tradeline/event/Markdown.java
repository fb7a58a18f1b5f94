package org.tradeline.event;

import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * Event bodies are Markdown: paragraphs, emphasis and links. Raw HTML typed by an editor is
 * escaped (shown as text), and links other than http(s) are dropped.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new HttpOnly())
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if ("a".equals(tag)) {
                    attributes.put("rel", "noopener");
                }
            })
            .build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();

    private Markdown() {
    }

    public static String toHtml(String markdown) {
        return HTML.render(PARSER.parse(markdown == null ? "" : markdown));
    }

    /** The body as plain text, for search, feeds and summaries. */
    public static String toText(String markdown) {
        return TEXT.render(PARSER.parse(markdown == null ? "" : markdown)).strip();
    }

    /** Every link target in the text, for validation. */
    public static List<String> links(String markdown) {
        java.util.ArrayList<String> urls = new java.util.ArrayList<>();
        Node doc = PARSER.parse(markdown == null ? "" : markdown);
        doc.accept(new org.commonmark.node.AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Link link) {
                urls.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(org.commonmark.node.Image image) {
                urls.add(image.getDestination());
                visitChildren(image);
            }
        });
        return urls;
    }

    /** True for an absolute http or https URL. */
    public static boolean isWebUrl(String url) {
        if (url == null) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(url.strip());
            String scheme = uri.getScheme();
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static final class HttpOnly implements org.commonmark.renderer.html.UrlSanitizer {
        @Override
        public String sanitizeLinkUrl(String url) {
            return isWebUrl(url) ? url : "";
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return isWebUrl(url) ? url : "";
        }
    }
}
