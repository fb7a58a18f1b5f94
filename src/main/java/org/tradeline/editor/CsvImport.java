package org.tradeline.editor;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.tradeline.event.Category;
import org.tradeline.event.EventInput;
import org.tradeline.event.EventRules;
import org.tradeline.event.Markdown;

/**
 * Reads a CSV in the TimelineJS spreadsheet template's columns (as a TimelineJS Google Sheet
 * downloads it, or as Tradeline exports it) into events, row by row, saying why a row cannot be
 * used. Dates come from Year/Month/Day (their precision from which are filled), the category
 * from Group, the body from Text (HTML turned into Markdown paragraphs and links), and the sources
 * from Text's "Sources:" paragraph or else from Media and Media Credit.
 */
public final class CsvImport {

    static final int MAX_ROWS = 5_000;
    static final int MAX_BYTES = 6 * 1024 * 1024;
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private CsvImport() {
    }

    /** One data row: its line-ish number (1 = first row after the header), what it holds, and any problems. */
    public record Row(int number, EventInput event, Map<String, String> problems, String skipped) {
        public boolean accepted() {
            return skipped == null && problems.isEmpty();
        }
    }

    static List<Row> read(String csv, String status, java.util.function.Predicate<String> actorExists) {
        if (csv.length() > MAX_BYTES) {
            throw new IllegalArgumentException("The file is larger than " + (MAX_BYTES / 1024 / 1024) + " MB.");
        }
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv.startsWith("\uFEFF") ? csv.substring(1) : csv)) {
            int n = 0;
            while (it.hasNext()) {
                Map<String, String> raw = it.next();
                n++;
                if (n == 1) {
                    requireColumns(raw);
                }
                if (n > MAX_ROWS) {
                    throw new IllegalArgumentException("The file has more than " + MAX_ROWS + " rows.");
                }
                rows.add(row(n, lowerKeys(raw), status, actorExists));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw (IllegalArgumentException) e;
            }
            throw new IllegalArgumentException("This is not a CSV file with a header row: " + e.getMessage().split("\n")[0]);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("The file has no rows under its header.");
        }
        return rows;
    }

    /** A header row that names none of the template's date and headline columns is not a TimelineJS sheet. */
    private static void requireColumns(Map<String, String> firstRow) {
        java.util.Set<String> names = new java.util.HashSet<>();
        firstRow.keySet().forEach(k -> names.add(k.strip().toLowerCase(Locale.ROOT)));
        if (!names.contains("year") || !names.contains("headline")) {
            throw new IllegalArgumentException("The first row must name the TimelineJS columns (Year, Month, Day, "
                    + "Headline, Text, …); this file has no Year or no Headline column.");
        }
    }

    private static Map<String, String> lowerKeys(Map<String, String> raw) {
        Map<String, String> m = new HashMap<>();
        raw.forEach((k, v) -> m.put(k.strip().toLowerCase(Locale.ROOT), v == null ? "" : v.strip()));
        return m;
    }

    private static Row row(int n, Map<String, String> c, String status, java.util.function.Predicate<String> actorExists) {
        String type = c.getOrDefault("type", "").toLowerCase(Locale.ROOT);
        if (type.equals("title")) {
            return new Row(n, null, Map.of(), "the title slide (the timeline's own title and summary)");
        }
        if (type.equals("era")) {
            return new Row(n, null, Map.of(), "an era (a background span, not an event)");
        }
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        String date = date(c, "", problems, "date");
        String end = c.getOrDefault("end year", "").isEmpty() ? null : date(c, "end ", problems, "endDate");
        String precision = c.getOrDefault("day", "").isEmpty() ? c.getOrDefault("month", "").isEmpty() ? "year" : "month" : "day";
        Document text = Jsoup.parseBodyFragment(c.getOrDefault("text", ""));
        List<EventInput.SourceInput> sources = new ArrayList<>();
        for (Element p : text.body().select("p")) {
            if (p.text().startsWith("Sources:")) {
                sources.addAll(sources(p));
                p.remove();
            }
        }
        if (sources.isEmpty() && Markdown.isWebUrl(c.get("media")) && !c.getOrDefault("media credit", "").isEmpty()) {
            String title = c.getOrDefault("media caption", "");
            sources.add(new EventInput.SourceInput(title.isEmpty() ? Jsoup.parse(c.getOrDefault("headline", "")).text() : Jsoup.parse(title).text(),
                    Jsoup.parse(c.get("media credit")).text(), null, c.get("media")));
        }
        EventInput in = new EventInput(null, date, precision, end, Jsoup.parse(c.getOrDefault("headline", "")).text(),
                markdown(text), category(c.getOrDefault("group", "")), List.of(), sources, "major", status, null, null);
        EventRules.Checked checked = EventRules.check(in, actorExists, false);
        checked.errors().forEach(problems::putIfAbsent);
        if (problems.containsKey("sources")) {
            problems.put("sources", "No source: add a \u201cSources:\u201d paragraph to Text, or Media with a Media Credit.");
        }
        if (problems.containsKey("category")) {
            problems.put("category", "Group \u201c" + c.getOrDefault("group", "") + "\u201d is not a category. Use one of: "
                    + String.join(", ", java.util.Arrays.stream(Category.values()).map(Category::label).toList()) + ".");
        }
        return new Row(n, in, problems, null);
    }

    private static String date(Map<String, String> c, String prefix, Map<String, String> problems, String field) {
        String y = c.getOrDefault(prefix + "year", "");
        String m = c.getOrDefault(prefix + "month", "");
        String d = c.getOrDefault(prefix + "day", "");
        try {
            if (y.isEmpty()) {
                problems.put(field, "Year is empty.");
                return null;
            }
            int year = Integer.parseInt(y);
            if (m.isEmpty()) {
                return String.format("%04d", year);
            }
            int month = Integer.parseInt(m);
            if (d.isEmpty()) {
                return String.format("%04d-%02d", year, month);
            }
            return String.format("%04d-%02d-%02d", year, month, Integer.parseInt(d));
        } catch (NumberFormatException e) {
            problems.put(field, "Year, Month and Day must be numbers (" + String.join("/", y, m, d) + ").");
            return null;
        }
    }

    private static String category(String group) {
        String g = Jsoup.parse(group).text().strip();
        for (Category c : Category.values()) {
            if (c.label().equalsIgnoreCase(g) || c.code().equalsIgnoreCase(g)) {
                return c.code();
            }
        }
        return g.isEmpty() ? null : g;
    }

    /**
     * Sources written as {@code <a href="url">Title</a> (Publisher, Jan. 3, 2025)} or
     * {@code <cite>Title</cite> (Publisher)}, separated by "; ": each title is an element, and the
     * text after it up to the next title holds the publisher and date.
     */
    private static List<EventInput.SourceInput> sources(Element p) {
        List<EventInput.SourceInput> out = new ArrayList<>();
        List<Node> nodes = p.childNodes();
        for (int i = 0; i < nodes.size(); i++) {
            if (!(nodes.get(i) instanceof Element el) || !(el.tagName().equals("a") || el.tagName().equals("cite"))) {
                continue;
            }
            StringBuilder tail = new StringBuilder();
            for (int k = i + 1; k < nodes.size(); k++) {
                Node next = nodes.get(k);
                if (next instanceof Element n && (n.tagName().equals("a") || n.tagName().equals("cite"))) {
                    break;
                }
                tail.append(next instanceof TextNode t ? t.text() : next instanceof Element n ? n.text() : "");
            }
            String rest = tail.toString().strip();
            if (rest.endsWith(";")) {
                rest = rest.substring(0, rest.length() - 1).strip();
            }
            if (rest.startsWith("(") && rest.endsWith(")")) {
                rest = rest.substring(1, rest.length() - 1).strip();
            }
            String publisher = rest;
            String date = null;
            Matcher m = Pattern.compile("^(.*),\\s*([A-Z][a-z]+\\.? \\d{1,2}, \\d{4})$").matcher(rest);
            if (m.matches() && apDate(m.group(2)) != null) {
                publisher = m.group(1).strip();
                date = apDate(m.group(2));
            }
            String url = el.tagName().equals("a") ? el.attr("href") : null;
            out.add(new EventInput.SourceInput(el.text(), publisher.isEmpty() ? null : publisher, date, url));
        }
        return out;
    }

    /** "Jan. 3, 2025" or "March 14, 2024" as 2025-01-03; null if it is not such a date. */
    static String apDate(String text) {
        Matcher m = Pattern.compile("([A-Za-z]+)\\.? (\\d{1,2}), (\\d{4})").matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        String month = m.group(1).toLowerCase(Locale.ROOT);
        for (int i = 0; i < 12; i++) {
            if (month.startsWith(MONTHS[i])) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(3)), i + 1, Integer.parseInt(m.group(2))).toString();
                } catch (java.time.DateTimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The Text cell's HTML as Markdown paragraphs: links kept as [text](url), everything else as text. */
    static String markdown(Document html) {
        List<String> paragraphs = new ArrayList<>();
        List<Element> ps = html.body().select("p");
        if (ps.isEmpty()) {
            String t = inline(html.body()).strip();
            return t.isEmpty() ? null : t;
        }
        for (Element p : ps) {
            String t = inline(p).strip();
            if (!t.isEmpty()) {
                paragraphs.add(t);
            }
        }
        return paragraphs.isEmpty() ? null : String.join("\n\n", paragraphs);
    }

    private static String inline(Element e) {
        StringBuilder b = new StringBuilder();
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t) {
                b.append(t.text());
            } else if (n instanceof Element el) {
                if (el.tagName().equals("a") && el.hasAttr("href")) {
                    // Kept as a Markdown link even when it is not http(s), so the row is rejected and says why.
                    b.append('[').append(el.text()).append("](").append(el.attr("href").strip()).append(')');
                } else if (el.tagName().equals("br")) {
                    b.append('\n');
                } else {
                    b.append(inline(el));
                }
            }
        }
        return b.toString();
    }
}
