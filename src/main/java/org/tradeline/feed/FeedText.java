package org.tradeline.feed;

import java.util.List;
import java.util.StringJoiner;
import org.tradeline.event.Markdown;
import org.tradeline.timeline.TimelineSnapshot.EventView;
import org.tradeline.timeline.TimelineSnapshot.SourceView;

/** Text pieces the export formats share: HTML escaping and an event's body with its sources. */
final class FeedText {

    private FeedText() {
    }

    /** Escapes text for HTML element content and double-quoted attribute values. */
    static String html(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The event's rendered body followed by a "Sources:" paragraph whose titles link to the sources. */
    static String bodyWithSourcesHtml(EventView e) {
        String sources = sourcesHtml(e.sources());
        String body = e.bodyHtml() == null ? "" : e.bodyHtml().strip();
        return sources.isEmpty() ? body : body.isEmpty() ? sources : body + "\n" + sources;
    }

    /**
     * {@code <p>Sources: <a href="…">Title</a> (Publisher, Jan. 3, 2025); <cite>Title</cite> (Publisher); …</p>},
     * or "" without sources. Each title is an element, so the CSV import can read the sources back.
     */
    static String sourcesHtml(List<SourceView> sources) {
        if (sources.isEmpty()) {
            return "";
        }
        StringJoiner items = new StringJoiner("; ", "<p>Sources: ", "</p>");
        for (SourceView s : sources) {
            StringBuilder item = new StringBuilder();
            String title = html(s.title());
            if (Markdown.isWebUrl(s.url())) {
                item.append("<a href=\"").append(html(s.url().strip())).append("\" rel=\"noopener\">").append(title).append("</a>");
            } else {
                // <cite> marks where the title ends, so an imported CSV can tell title from publisher.
                item.append("<cite>").append(title).append("</cite>");
            }
            item.append(" (").append(html(s.publisher()));
            if (s.displayDate() != null) {
                item.append(", ").append(html(s.displayDate()));
            }
            item.append(')');
            items.add(item);
        }
        return items.toString();
    }

    /** The event's body as plain text followed by its sources, one a line, for calendars. */
    static String bodyWithSourcesText(EventView e) {
        StringBuilder out = new StringBuilder(e.bodyText() == null ? "" : e.bodyText().strip());
        if (!e.sources().isEmpty()) {
            if (out.length() > 0) {
                out.append("\n\n");
            }
            out.append("Sources:");
            for (SourceView s : e.sources()) {
                out.append("\n- ").append(s.publisher()).append(": ").append(s.title());
                if (s.displayDate() != null) {
                    out.append(", ").append(s.displayDate());
                }
                if (s.url() != null && !s.url().isBlank()) {
                    out.append(" <").append(s.url().strip()).append('>');
                }
            }
        }
        return out.toString();
    }
}
