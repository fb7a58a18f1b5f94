package org.tradeline.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tradeline.web.Links;
import org.tradeline.timeline.TimelineSnapshot;
import org.tradeline.timeline.TimelineSnapshot.EventView;

/**
 * Maps a timeline to an Atom feed (RFC 4287), one entry per published event. Written with a StAX
 * writer, so editors' text is always escaped. Ids are the absolute permalinks, which never change
 * for an event (set {@code tradeline.site.base-url} so they do not depend on the request's host).
 */
final class AtomFeed {

    static final String MEDIA_TYPE = "application/atom+xml;charset=UTF-8";
    static final String ATOM_NS = "http://www.w3.org/2005/Atom";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private AtomFeed() {
    }

    static String write(TimelineSnapshot t, String base, String siteName) {
        return org.tradeline.cache.BodyWriter.text(out -> write(t, base, siteName, out));
    }

    /** Writes the feed entry by entry to {@code out}. */
    static void write(TimelineSnapshot t, String base, String siteName, java.io.Writer out) throws java.io.IOException {
        try {
            XMLStreamWriter x = XML.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(ATOM_NS);
            String timelineUrl = base + Links.timelinePath(t.slug());
            element(x, "id", timelineUrl);
            text(x, "title", t.title());
            if (t.summary() != null && !t.summary().isBlank()) {
                text(x, "subtitle", t.summary());
            }
            element(x, "updated", rfc3339(updated(t)));
            link(x, "self", base + Links.timelinePath(t.slug()) + "/feed.atom", "application/atom+xml");
            link(x, "alternate", timelineUrl, "text/html");
            x.writeStartElement("author");
            element(x, "name", siteName);
            element(x, "uri", base + "/");
            x.writeEndElement();
            element(x, "generator", siteName);
            for (EventView e : t.events()) {
                entry(x, t, e, base);
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new java.io.IOException("Could not write the Atom feed of " + t.slug(), e);
        }
        out.append('\n');
    }

    /** The newest change to any published event, or to the timeline's published content (a deletion) when later. */
    static Instant updated(TimelineSnapshot t) {
        Instant events = t.events().stream().map(EventView::updatedAt).max(Comparator.naturalOrder()).orElse(t.updatedAt());
        return events.isAfter(t.updatedAt()) ? events : t.updatedAt();
    }

    private static void entry(XMLStreamWriter x, TimelineSnapshot t, EventView e, String base) throws XMLStreamException {
        String permalink = base + Links.eventPath(t.slug(), e.id());
        x.writeStartElement("entry");
        element(x, "id", permalink);
        text(x, "title", e.headline());
        element(x, "updated", rfc3339(e.updatedAt()));
        // When the event happened (its first covered day): the snapshot keeps no creation time.
        element(x, "published", rfc3339(e.coversFrom().atStartOfDay(ZoneOffset.UTC).toInstant()));
        link(x, "alternate", permalink, "text/html");
        x.writeEmptyElement("category");
        x.writeAttribute("term", e.category().code());
        x.writeAttribute("label", e.category().label());
        text(x, "summary", e.displayDate().text() + ": " + (e.bodyText() == null ? "" : e.bodyText()));
        x.writeStartElement("content");
        x.writeAttribute("type", "html");
        x.writeCharacters(xmlSafe(FeedText.bodyWithSourcesHtml(e)));
        x.writeEndElement();
        x.writeEndElement();
    }

    private static void element(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(xmlSafe(value));
        x.writeEndElement();
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeAttribute("type", "text");
        x.writeCharacters(xmlSafe(value));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("type", type);
        x.writeAttribute("href", href);
    }

    static String rfc3339(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Drops the characters XML 1.0 cannot carry at all (control characters, lone surrogates). */
    static String xmlSafe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            if (!ok && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (ok && out != null) {
                out.appendCodePoint(cp);
            }
            i += n;
        }
        return out == null ? s : out.toString();
    }
}
