package org.tradeline.feed;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.tradeline.event.Precision;
import org.tradeline.timeline.TimelineSnapshot;
import org.tradeline.timeline.TimelineSnapshot.EventView;

/**
 * Maps a timeline to CSV in the columns of the TimelineJS Google Sheet template: a first row of
 * type "title" (the timeline's title and summary, as in the template), then one row per published
 * event. Headline, Text and the other shown columns are HTML, as TimelineJS reads them; Jackson's CSV
 * writer does the quoting.
 */
final class CsvExport {

    static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
    static final List<String> COLUMNS = List.of("Year", "Month", "Day", "Time", "End Year", "End Month", "End Day",
            "End Time", "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption", "Media Thumbnail",
            "Alt Text", "Type", "Group", "Background");

    private static final ObjectWriter WRITER;

    static {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        WRITER = new CsvMapper().writerFor(String[].class).with(schema.build());
    }

    private CsvExport() {
    }

    static String write(TimelineSnapshot t) {
        return org.tradeline.cache.BodyWriter.text(out -> write(t, out));
    }

    /** Writes the title row, then one row per event, to {@code out}. */
    static void write(TimelineSnapshot t, java.io.Writer out) throws IOException {
        String[] title = emptyRow();
        title[col("Headline")] = cell(FeedText.html(t.title()));
        title[col("Text")] = cell(t.summary() == null || t.summary().isBlank() ? "" : "<p>" + FeedText.html(t.summary()) + "</p>");
        title[col("Type")] = "title";
        try (SequenceWriter seq = WRITER.writeValues(out)) {
            seq.write(title);
            for (EventView e : t.events()) {
                seq.write(row(e));
            }
        }
    }

    static String[] row(EventView e) {
        String[] row = emptyRow();
        date(row, "", e.date(), e.precision());
        if (e.endDate() != null) {
            date(row, "End ", e.endDate(), e.precision());
        }
        row[col("Display Date")] = cell(FeedText.html(e.displayDate().text()));
        row[col("Headline")] = cell(FeedText.html(e.headline()));
        row[col("Text")] = cell(FeedText.bodyWithSourcesHtml(e));
        row[col("Group")] = cell(FeedText.html(e.category().label()));
        return row;
    }

    private static void date(String[] row, String prefix, LocalDate date, Precision precision) {
        row[col(prefix + "Year")] = String.valueOf(date.getYear());
        if (precision != Precision.YEAR) {
            row[col(prefix + "Month")] = String.valueOf(date.getMonthValue());
        }
        if (precision == Precision.DAY) {
            row[col(prefix + "Day")] = String.valueOf(date.getDayOfMonth());
        }
    }

    private static String[] emptyRow() {
        String[] row = new String[COLUMNS.size()];
        Arrays.fill(row, "");
        return row;
    }

    private static int col(String name) {
        return COLUMNS.indexOf(name);
    }

    /**
     * An HTML cell that a spreadsheet must not take for a formula: a leading = + - @ (or tab, CR) is
     * written as its character reference, which TimelineJS shows as the same character.
     */
    static String cell(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        char first = html.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "&#" + (int) first + ";" + html.substring(1);
        }
        return html;
    }
}
