package org.tradeline.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Reads a news page's HTML into an article: the main text without the page's furniture (menus,
 * asides, share buttons, scripts), and the title, publisher and date the page states about itself.
 * Also turns what an editor pastes, plain text or HTML, into plain paragraphs. Never throws: a page
 * it cannot make sense of gives an article with less in it.
 */
public final class ArticlePage {

    /**
     * Elements deeper than this are attached at this depth. jsoup's default (512) makes 100,000
     * nested tags take seconds; real article pages nest a few dozen deep.
     */
    static final int MAX_DEPTH = 128;
    /** Titles and publisher names are cut to this many characters. */
    static final int MAX_NAME = 300;
    private static final int MAX_CANDIDATES = 20;
    private static final int MAX_JSON_OBJECTS = 500;
    private static final int MAX_JSON_DEPTH = 8;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SKIPPED = Set.of("nav", "aside", "footer", "header", "script", "style",
            "noscript", "figure", "figcaption", "form", "button", "template", "svg", "iframe", "object", "select",
            "textarea", "dialog", "canvas", "video", "audio", "picture", "map");
    private static final List<String> JUNK_NAMES = List.of("related", "newsletter", "promo", "advert", "share",
            "social", "comments");
    private static final Set<String> PARAGRAPHS = Set.of("p", "h2", "h3", "li", "blockquote");
    private static final List<String> DATE_META = List.of("datepublished", "date", "pubdate", "dc.date",
            "dc.date.issued", "parsely-pub-date", "sailthru.date");
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile(
            "<(?:p|div|article|br|html|body|head|span|h[1-6]|li|ul|ol|section|main|blockquote|table|!doctype\\s+html)(?=[\\s/>])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WHOLE_PAGE = Pattern.compile("<(?:html|head|body|article|main|!doctype)(?=[\\s/>])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\uFEFF]+");
    private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?!\\d)");
    private static final Pattern COMPACT_DATE = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})(?!\\d)");
    private static final String MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            "^(?:[a-z]+,?\\s+)?" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "^(?:[a-z]+,?\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+" + MONTH + ",?\\s+(\\d{4})(?!\\d)");
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
            "sep", "oct", "nov", "dec");
    private static final List<String> TITLE_SEPARATORS = List.of(" | ", " - ", " – ", " — ", " · ");

    private ArticlePage() {
    }

    /** The article on a page; {@code url} is where the page came from (the publisher falls back to its host). */
    public static FetchedArticle read(String html, String url) {
        try {
            return article(parse(html == null ? "" : html, url), url);
        } catch (RuntimeException | StackOverflowError e) {
            return new FetchedArticle(url, "", null, hostName(url), null);
        }
    }

    /**
     * What an editor pasted as the article's text: HTML (a page's source or a copied fragment)
     * becomes plain paragraphs separated by a blank line; plain text is kept as it is, with Windows
     * line ends made Unix ones.
     */
    public static String text(String pasted) {
        if (pasted == null) {
            return "";
        }
        if (!LOOKS_LIKE_HTML.matcher(pasted).find()) {
            return pasted.replace("\r\n", "\n");
        }
        try {
            Document doc = parse(pasted, null);
            if (WHOLE_PAGE.matcher(pasted).find()) {
                return mainText(mainElement(doc));
            }
            return String.join("\n\n", blocks(doc.body()));
        } catch (RuntimeException | StackOverflowError e) {
            return "";
        }
    }

    /** jsoup's HTML parser with this class's depth limit (a new one each time: parsers are not shared). */
    static Parser parser() {
        return Parser.htmlParser().setMaxDepth(MAX_DEPTH);
    }

    /** The article in an already parsed page (see {@link #parser()}). */
    static FetchedArticle article(Document doc, String url) {
        try {
            List<JsonNode> ld = jsonLd(doc);
            Map<String, String> metas = metas(doc);
            String publisher = first(
                    name(metas.get("og:site_name")),
                    name(ldPublisher(ld)),
                    name(metas.get("publisher")),
                    name(metas.get("application-name")),
                    hostName(url));
            Element h1 = doc.selectFirst("h1");
            String title = first(
                    name(metas.get("og:title")),
                    name(ldText(ld, "headline")),
                    h1 == null ? null : name(textOf(h1)),
                    name(withoutSiteName(doc.title(), publisher)));
            Element main = mainElement(doc);
            return new FetchedArticle(url, mainText(main), title, publisher, published(doc, ld, metas, main));
        } catch (RuntimeException | StackOverflowError e) {
            return new FetchedArticle(url, "", null, hostName(url), null);
        }
    }

    private static Document parse(String html, String url) {
        return Jsoup.parse(html, url == null ? "" : url, parser());
    }

    // --- Main text -------------------------------------------------------------------------

    /** The element holding the article: {@code <article>}, else the article body, else the paragraphs' parent. */
    static Element mainElement(Document doc) {
        Element best = mostParagraphText(doc.select("article"));
        if (best == null) {
            best = mostParagraphText(doc.select("[itemprop=articleBody]"));
        }
        if (best == null) {
            best = paragraphParent(doc);
        }
        return best != null ? best : doc.body();
    }

    private static Element mostParagraphText(List<Element> candidates) {
        Element best = null;
        long bestLength = 0;
        int seen = 0;
        for (Element candidate : candidates) {
            if (seen++ == MAX_CANDIDATES) {
                break;
            }
            if (insideSkipped(candidate)) {
                continue;
            }
            long length = 0;
            for (Element p : candidate.getElementsByTag("p")) {
                length += p.text().length();
            }
            if (length > bestLength) {
                best = candidate;
                bestLength = length;
            }
        }
        return best;
    }

    /** The element whose own {@code <p>} children hold the most text, outside the page's furniture. */
    private static Element paragraphParent(Document doc) {
        Map<Element, Long> lengths = new IdentityHashMap<>();
        for (Element p : doc.getElementsByTag("p")) {
            Element parent = p.parent();
            if (parent != null) {
                lengths.merge(parent, (long) p.text().length(), Long::sum);
            }
        }
        List<Map.Entry<Element, Long>> ranked = new ArrayList<>(lengths.entrySet());
        ranked.sort(Map.Entry.<Element, Long>comparingByValue().reversed());
        for (Map.Entry<Element, Long> entry : ranked) {
            if (entry.getValue() > 0 && !skipped(entry.getKey()) && !insideSkipped(entry.getKey())) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** The main element's paragraphs, headings, list items and quotes, or its blocks when it has none. */
    private static String mainText(Element main) {
        List<String> paragraphs = paragraphs(main);
        return String.join("\n\n", paragraphs.isEmpty() ? blocks(main) : paragraphs);
    }

    private static List<String> paragraphs(Element root) {
        List<String> out = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element el)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (el != root && skipped(el)) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                if (PARAGRAPHS.contains(el.normalName())
                        && (el.normalName().equals("p") || el.getElementsByTag("p").isEmpty())) {
                    add(out, textOf(el));
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return out;
    }

    /** Every run of text between block boundaries (and line breaks), for HTML without paragraphs. */
    private static List<String> blocks(Element root) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        walkText(root, current, () -> {
            add(out, current);
            current.setLength(0);
        });
        add(out, current);
        return out;
    }

    /** An element's text without its skipped parts, whitespace made single spaces. */
    private static String textOf(Element element) {
        StringBuilder text = new StringBuilder();
        walkText(element, text, () -> text.append(' '));
        return normalise(text);
    }

    /** Appends the text under {@code root}, leaving out skipped parts; at block edges and line breaks, runs {@code atBreak}. */
    private static void walkText(Element root, StringBuilder text, Runnable atBreak) {
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.getWholeText());
                } else if (node instanceof Element el) {
                    if (el != root && skipped(el)) {
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (el.isBlock() || el.normalName().equals("br")) {
                        atBreak.run();
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element el && el.isBlock()) {
                    atBreak.run();
                }
                return FilterResult.CONTINUE;
            }
        }, root);
    }

    private static void add(List<String> out, CharSequence text) {
        String paragraph = normalise(text);
        if (!paragraph.isEmpty()) {
            out.add(paragraph);
        }
    }

    private static String normalise(CharSequence text) {
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** Page furniture: menus, asides, scripts, forms, hidden parts, and share/related/advert boxes. */
    static boolean skipped(Element el) {
        if (SKIPPED.contains(el.normalName()) || el.hasAttr("hidden")
                || "true".equalsIgnoreCase(el.attr("aria-hidden"))) {
            return true;
        }
        String names = (el.className() + " " + el.id()).toLowerCase(Locale.ROOT);
        for (String junk : JUNK_NAMES) {
            if (names.contains(junk)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an ancestor is furniture (ancestors are at most {@link #MAX_DEPTH} deep). */
    private static boolean insideSkipped(Element el) {
        for (Element parent = el.parent(); parent != null; parent = parent.parent()) {
            if (skipped(parent)) {
                return true;
            }
        }
        return false;
    }

    // --- Metadata --------------------------------------------------------------------------

    /** The first {@code content} of each meta {@code property}, {@code name} or {@code itemprop}, keys lower-cased. */
    private static Map<String, String> metas(Document doc) {
        Map<String, String> metas = new HashMap<>();
        for (Element meta : doc.getElementsByTag("meta")) {
            String content = meta.attr("content");
            if (content.isBlank()) {
                continue;
            }
            for (String key : List.of("property", "name", "itemprop")) {
                String value = meta.attr(key).strip().toLowerCase(Locale.ROOT);
                if (!value.isEmpty()) {
                    metas.putIfAbsent(value, content);
                }
            }
        }
        return metas;
    }

    private static LocalDate published(Document doc, List<JsonNode> ld, Map<String, String> metas, Element main) {
        LocalDate date = date(ldText(ld, "datePublished"));
        if (date == null) {
            date = date(metas.get("article:published_time"));
        }
        for (String name : DATE_META) {
            if (date == null) {
                date = date(metas.get(name));
            }
        }
        if (date == null) {
            Element marked = doc.selectFirst("[itemprop=datePublished]");
            if (marked != null) {
                date = date(marked.hasAttr("datetime") ? marked.attr("datetime") : marked.attr("content"));
            }
        }
        if (date == null && main != null) {
            Element time = main.selectFirst("time[datetime]");
            if (time != null) {
                date = date(time.attr("datetime"));
            }
        }
        return date;
    }

    /** The calendar date as written at the start of a value ("2025-01-07T00:30:00-05:00" is 2025-01-07). */
    static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        v = v.substring(0, Math.min(v.length(), 100)).toLowerCase(Locale.ROOT);
        try {
            Matcher m = ISO_DATE.matcher(v);
            if (m.find()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            m = COMPACT_DATE.matcher(v);
            if (m.find()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            m = MONTH_DAY_YEAR.matcher(v);
            if (m.find()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
            }
            m = DAY_MONTH_YEAR.matcher(v);
            if (m.find()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static int month(String abbreviation) {
        return MONTHS.indexOf(abbreviation.substring(0, 3)) + 1;
    }

    /** A page title without a trailing " | Site" (or " - Site") naming the publisher. */
    private static String withoutSiteName(String title, String publisher) {
        if (title == null || publisher == null) {
            return title;
        }
        String t = normalise(title);
        for (String separator : TITLE_SEPARATORS) {
            String suffix = separator + normalise(publisher);
            if (t.length() > suffix.length() && t.toLowerCase(Locale.ROOT).endsWith(suffix.toLowerCase(Locale.ROOT))) {
                return t.substring(0, t.length() - suffix.length());
            }
        }
        return t;
    }

    /** A title or name: whitespace made single spaces, cut to {@link #MAX_NAME}; null when empty. */
    private static String name(String value) {
        if (value == null) {
            return null;
        }
        String head = value.length() > MAX_NAME * 4 ? value.substring(0, MAX_NAME * 4) : value;
        String name = normalise(head);
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME).strip();
        }
        return name.isEmpty() ? null : name;
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The URL's host without "www.", as a publisher of last resort. */
    static String hostName(String url) {
        if (url == null) {
            return null;
        }
        try {
            String host = URI.create(url.strip()).getHost();
            if (host == null || host.isBlank()) {
                return null;
            }
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // --- JSON-LD ---------------------------------------------------------------------------

    /**
     * Every object in the page's JSON-LD blocks (inside {@code @graph}, arrays and nested values),
     * articles first; blocks that are not valid JSON are ignored.
     */
    private static List<JsonNode> jsonLd(Document doc) {
        List<JsonNode> objects = new ArrayList<>();
        for (Element script : doc.select("script[type]")) {
            if (!script.attr("type").strip().toLowerCase(Locale.ROOT).startsWith("application/ld+json")) {
                continue;
            }
            try {
                collect(JSON.readTree(withoutCommentMarks(script.data())), objects, 0);
            } catch (java.io.IOException | RuntimeException e) {
                // not JSON: a page's mistake, not a reason to give up on the page
            }
        }
        List<JsonNode> ordered = new ArrayList<>();
        objects.stream().filter(ArticlePage::isArticle).forEach(ordered::add);
        objects.stream().filter(o -> !isArticle(o)).forEach(ordered::add);
        return ordered;
    }

    private static String withoutCommentMarks(String json) {
        String s = json.strip();
        for (String start : List.of("<!--", "//<![CDATA[", "<![CDATA[")) {
            if (s.startsWith(start)) {
                s = s.substring(start.length());
            }
        }
        return s;
    }

    private static void collect(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > MAX_JSON_DEPTH || out.size() >= MAX_JSON_OBJECTS) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                collect(item, out, depth + 1);
            }
        } else if (node.isObject()) {
            out.add(node);
            for (JsonNode value : node) {
                if (value.isContainerNode()) {
                    collect(value, out, depth + 1);
                }
            }
        }
    }

    private static boolean isArticle(JsonNode object) {
        JsonNode type = object.get("@type");
        List<String> types = new ArrayList<>();
        if (type != null && type.isTextual()) {
            types.add(type.asText());
        } else if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        }
        return types.stream().anyMatch(t -> t.endsWith("Article") || t.equals("BlogPosting") || t.equals("Report"));
    }

    /** The first text value of a field, articles' first. */
    private static String ldText(List<JsonNode> objects, String field) {
        for (JsonNode object : objects) {
            JsonNode value = object.get(field);
            if (value != null && value.isArray() && !value.isEmpty()) {
                value = value.get(0);
            }
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }

    /** The publisher's name: a name, an object with one, an array of them, or a reference by {@code @id}. */
    private static String ldPublisher(List<JsonNode> objects) {
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode object : objects) {
            JsonNode id = object.get("@id");
            if (id != null && id.isTextual() && object.has("name")) {
                byId.putIfAbsent(id.asText(), object);
            }
        }
        for (JsonNode object : objects) {
            JsonNode publisher = object.get("publisher");
            for (JsonNode candidate : publisher == null ? List.<JsonNode>of()
                    : publisher.isArray() ? publisher : List.of(publisher)) {
                String name = publisherName(candidate, byId);
                if (name != null) {
                    return name;
                }
            }
        }
        return null;
    }

    private static String publisherName(JsonNode publisher, Map<String, JsonNode> byId) {
        if (publisher.isTextual()) {
            return publisher.asText().isBlank() ? null : publisher.asText();
        }
        JsonNode name = publisher.get("name");
        if ((name == null || !name.isTextual()) && publisher.has("@id")) {
            JsonNode referenced = byId.get(publisher.get("@id").asText());
            name = referenced == null ? null : referenced.get("name");
        }
        return name != null && name.isTextual() && !name.asText().isBlank() ? name.asText() : null;
    }
}
