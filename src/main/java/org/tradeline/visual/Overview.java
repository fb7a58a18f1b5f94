package org.tradeline.visual;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import org.tradeline.event.DisplayDate;
import org.tradeline.event.Importance;
import org.tradeline.event.Precision;
import org.tradeline.timeline.TimelineSnapshot.EventView;

/**
 * The overview drawn at the top of a timeline page and its embed: an inline SVG (no script) with a
 * time axis scaled by date, one mark per event at its date (a symbol per category, so colour is
 * never the only cue), spans, months and years as bars over the period they cover, short labels
 * on key events where they fit, and each mark a link to its event with the date and headline as
 * its accessible name. Events a filter leaves out are drawn faded. Where more events fall in one
 * of {@link #COLUMNS} columns than fit, the column becomes one bin with a count.
 *
 * <p>Horizontal positions are percentages of the drawing's width, so one drawing serves every
 * screen with text at its real size; the layout is decided at the narrowest width ({@link #NARROW})
 * and more labels appear from {@link #WIDE} up (a media query). A pure function of the events
 * and the filter: the page caches its bytes like the rest of the page.
 */
public final class Overview {

    /** Narrowest drawing the layout is made for, in CSS px: a 320 px phone less the page's margins. */
    static final int NARROW = 288;
    /** Drawing width from which the labels marked wide-only show (a 48rem screen less its margins). */
    static final int WIDE = 720;
    /** Columns across the width; a column with more events than fit becomes a bin. */
    static final int COLUMNS = 12;
    static final int PER_COLUMN = 8;
    static final int POINT_LANES = 6;
    static final int BAR_LANES = 2;
    static final int LABEL_ROWS = 2;
    static final int LANE = 11;
    static final int RADIUS = 5;
    static final int LABEL_SIZE = 11;
    static final int LABEL_CHARS = 30;
    /** Percent of the width kept free at each end, so that a mark at the first or last day is whole. */
    static final double MARGIN = 2.0;
    /** A bar is never narrower than this, in percent (a one-day span would vanish). */
    static final double MIN_BAR = 0.5;

    private Overview() {
    }

    /** An event's mark: a symbol at {@code x1}, or a bar from {@code x1} to {@code x2} (percent). */
    record Mark(EventView event, boolean bar, double x1, double x2, int lane, boolean faded, String href) {
    }

    /** A column of events too many to draw one by one. */
    record Bin(int column, double x1, double x2, List<EventView> events, int matching, boolean faded, String href) {
    }

    /** A key event's short label; {@code end}: anchored at its end (it would run past the right edge). */
    record Label(Mark mark, String text, int row, boolean end, boolean wideOnly) {
    }

    /** An axis tick at {@code x} percent, labelled {@code text} (or not); {@code wideOnly} labels show on wide screens only. */
    record Tick(double x, String text, boolean major, boolean wideOnly) {
    }

    record Layout(LocalDate from, LocalDate to, List<Mark> marks, List<Bin> bins, List<Label> labels, List<Tick> ticks) {

        /** Whether the range is short enough for a tick at every month. */
        boolean monthTicks() {
            return ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) < 40;
        }
    }

    /** Where an event's mark leads: its place in the list on this page ("#id"), another page, or its own page. */
    public interface Links {
        String href(EventView e, boolean shown);
    }

    /**
     * The overview of {@code events} (date order) as an SVG element, or "" when there are none.
     *
     * @param shown    whether an event matches the filters (the others are drawn faded)
     * @param embedded links that stay in the page get {@code target="_self"} (an embed's links open in the top window)
     */
    public static String svg(List<EventView> events, Predicate<EventView> shown, Links links, boolean embedded) {
        return events.isEmpty() ? "" : render(layout(events, shown, links), embedded);
    }

    static Layout layout(List<EventView> events, Predicate<EventView> shown, Links links) {
        int n = events.size();
        long[] first = new long[n];
        long[] last = new long[n];
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            EventView e = events.get(i);
            first[i] = e.coversFrom().toEpochDay();
            last[i] = e.coversTo().toEpochDay();
            min = Math.min(min, first[i]);
            max = Math.max(max, last[i]);
        }
        LocalDate from = LocalDate.ofEpochDay(min).withDayOfMonth(1);
        LocalDate to = YearMonth.from(LocalDate.ofEpochDay(max)).atEndOfMonth();
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        Scale scale = new Scale(from, days);
        long origin = from.toEpochDay();

        boolean[] bar = new boolean[n];
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        int[] column = new int[n];
        int[] perColumn = new int[COLUMNS];
        double span = 100 - 2 * MARGIN;
        for (int i = 0; i < n; i++) {
            bar[i] = last[i] > first[i];
            long d = first[i] - origin;
            x1[i] = MARGIN + span * (bar[i] ? d : d + 0.5) / days;
            x2[i] = bar[i] ? Math.max(MARGIN + span * (last[i] + 1 - origin) / days, x1[i] + MIN_BAR) : x1[i];
            column[i] = (int) Math.min(COLUMNS - 1, d * COLUMNS / days);
            perColumn[column[i]]++;
        }
        boolean[] binned = new boolean[COLUMNS];
        for (int c = 0; c < COLUMNS; c++) {
            binned[c] = perColumn[c] > PER_COLUMN;
        }
        // Lanes at the narrowest width: a mark that finds no free lane bins its column, and the rest is laid out again.
        int[] lane = new int[n];
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Double.compare(x1[a], x1[b]));
        while (true) {
            double[] pointEnd = new double[POINT_LANES];
            double[] barEnd = new double[BAR_LANES];
            Arrays.fill(pointEnd, -1e9);
            Arrays.fill(barEnd, -1e9);
            int failed = -1;
            for (int i : order) {
                if (binned[column[i]]) {
                    continue;
                }
                double left = px(x1[i], NARROW);
                double[] ends = bar[i] ? barEnd : pointEnd;
                double need = bar[i] ? left - 2 : left - 2 * RADIUS - 1;
                lane[i] = -1;
                for (int l = 0; l < ends.length; l++) {
                    if (ends[l] <= need) {
                        lane[i] = l;
                        ends[l] = bar[i] ? px(x2[i], NARROW) : left;
                        break;
                    }
                }
                if (lane[i] < 0) {
                    failed = column[i];
                    break;
                }
            }
            if (failed < 0) {
                break;
            }
            binned[failed] = true;
        }

        List<Mark> marks = new ArrayList<>();
        List<List<EventView>> inBin = new ArrayList<>();
        EventView[] firstShown = new EventView[COLUMNS];
        int[] matching = new int[COLUMNS];
        for (int c = 0; c < COLUMNS; c++) {
            inBin.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            EventView e = events.get(i);
            boolean on = shown.test(e);
            int c = column[i];
            if (binned[c]) {
                inBin.get(c).add(e);
                if (on) {
                    matching[c]++;
                    firstShown[c] = firstShown[c] == null ? e : firstShown[c];
                }
            } else {
                marks.add(new Mark(e, bar[i], round(x1[i]), round(x2[i]), lane[i], !on, links.href(e, on)));
            }
        }
        List<Bin> bins = new ArrayList<>();
        for (int c = 0; c < COLUMNS; c++) {
            List<EventView> in = inBin.get(c);
            if (!in.isEmpty()) {
                EventView to1 = firstShown[c];
                bins.add(new Bin(c, round(scale.columnStart(c)), round(scale.columnStart(c + 1)), in, matching[c], to1 == null,
                        to1 == null ? links.href(in.get(0), false) : links.href(to1, true)));
            }
        }
        return new Layout(from, to, marks, bins, labels(marks), ticks(from, to, scale));
    }

    /** Short labels for the key events that are shown, first those that fit at the narrowest width, then more for wide screens. */
    static List<Label> labels(List<Mark> marks) {
        List<Mark> key = marks.stream().filter(m -> !m.faded() && m.event().importance() == Importance.MAJOR).toList();
        List<Label> labels = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            int width = pass == 0 ? NARROW : WIDE;
            for (Mark m : key) {
                if (labels.stream().anyMatch(l -> l.mark() == m)) {
                    continue;
                }
                String text = shortLabel(m.event().headline());
                double w = textWidth(text, LABEL_SIZE);
                double x = px(m.x1(), width);
                boolean end = x + w > width;
                if (end && x - w < 0) {
                    continue;
                }
                for (int row = 0; row < LABEL_ROWS; row++) {
                    Label candidate = new Label(m, text, row, end, pass == 1);
                    if (labels.stream().noneMatch(l -> overlap(l, candidate, width))) {
                        labels.add(candidate);
                        break;
                    }
                }
            }
        }
        return labels;
    }

    /**
     * Whether two labels clash on a drawing {@code width} px wide: in one row, their boxes come closer
     * than 8 px; in two rows, the upper one's leader line runs down through the lower one's text.
     */
    static boolean overlap(Label a, Label b, int width) {
        double[] p = box(a, width);
        double[] q = box(b, width);
        if (a.row() == b.row()) {
            return p[0] < q[1] + 8 && q[0] < p[1] + 8;
        }
        Label upper = a.row() < b.row() ? a : b;
        double[] lower = upper == a ? q : p;
        double leader = px(upper.mark().x1(), width);
        return leader > lower[0] - 4 && leader < lower[1] + 4;
    }

    /** A label's left and right edge in px on a drawing {@code width} px wide. */
    static double[] box(Label l, int width) {
        double x = px(l.mark().x1(), width);
        double w = textWidth(l.text(), LABEL_SIZE);
        return l.end() ? new double[] {x - w, x} : new double[] {x, x + w};
    }

    /** Year ticks (every 1, 2, 5, 10 … years as room allows), with month ticks when the range is short. */
    static List<Tick> ticks(LocalDate from, LocalDate to, Scale scale) {
        List<Tick> ticks = new ArrayList<>();
        long months = ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(to)) + 1;
        if (months <= 15) {
            int narrowStep = step(months, NARROW, 34, new int[] {1, 2, 3, 6});
            int wideStep = step(months, WIDE, 34, new int[] {1, 2, 3, 6});
            for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
                int i = (int) ChronoUnit.MONTHS.between(YearMonth.from(from), m);
                boolean january = m.getMonthValue() == 1;
                String text = (january || i == 0 ? MONTHS[m.getMonthValue() - 1] + " " + m.getYear() : MONTHS[m.getMonthValue() - 1]);
                boolean narrow = i % narrowStep == 0;
                boolean wide = i % wideStep == 0;
                ticks.add(new Tick(round(scale.start(m.atDay(1))), narrow || wide ? text : null, true, !narrow && wide));
            }
            return ticks;
        }
        int years = to.getYear() - from.getYear() + 1;
        int[] steps = {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
        int narrowStep = step(years * 12L, NARROW, 40, Arrays.stream(steps).map(s -> s * 12).toArray()) / 12;
        int wideStep = step(years * 12L, WIDE, 40, Arrays.stream(steps).map(s -> s * 12).toArray()) / 12;
        // The first, partial year is named at the left edge when its January is out of range and there is room.
        int firstJanuary = from.getDayOfYear() == 1 ? from.getYear() : from.getYear() + 1;
        if (firstJanuary != from.getYear() && px(scale.start(LocalDate.of(firstJanuary, 1, 1)), NARROW) > 40
                && from.getYear() % narrowStep == 0) {
            ticks.add(new Tick(round(scale.start(from)), String.valueOf(from.getYear()), true, false));
        }
        for (int y = firstJanuary; y <= to.getYear(); y++) {
            boolean narrow = y % narrowStep == 0;
            boolean wide = y % wideStep == 0;
            if (narrow || wide) {
                ticks.add(new Tick(round(scale.start(LocalDate.of(y, 1, 1))), String.valueOf(y), true, !narrow));
            }
        }
        return ticks;
    }

    /** The smallest step (in months) whose ticks lie at least {@code room} px apart on a drawing {@code width} px wide. */
    private static int step(long months, int width, int room, int[] steps) {
        double perMonth = width * (100 - 2 * MARGIN) / 100 / months;
        for (int s : steps) {
            if (s * perMonth >= room) {
                return s;
            }
        }
        return steps[steps.length - 1];
    }

    private static final String[] MONTHS = {"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.",
        "Nov.", "Dec."};

    /** Maps dates to percent of the drawing's width. */
    record Scale(LocalDate from, long days) {

        double start(LocalDate d) {
            return MARGIN + (100 - 2 * MARGIN) * ChronoUnit.DAYS.between(from, d) / days;
        }

        double middle(LocalDate d) {
            return MARGIN + (100 - 2 * MARGIN) * (ChronoUnit.DAYS.between(from, d) + 0.5) / days;
        }

        int column(LocalDate d) {
            return (int) Math.min(COLUMNS - 1, ChronoUnit.DAYS.between(from, d) * COLUMNS / days);
        }

        double columnStart(int c) {
            return MARGIN + (100 - 2 * MARGIN) * c / COLUMNS;
        }
    }

    /** A headline made short for a label: a leading "In Tokyo, " dropped, cut at a word with an ellipsis. */
    static String shortLabel(String headline) {
        String h = headline.strip();
        int comma = h.indexOf(", ");
        if (comma > 0 && comma < 28 && h.matches("(?s)(In|At|With|After|Before|On|From) .*")) {
            h = Character.toUpperCase(h.charAt(comma + 2)) + h.substring(comma + 3);
        }
        if (h.length() <= LABEL_CHARS) {
            return h;
        }
        int cut = h.lastIndexOf(' ', LABEL_CHARS - 1);
        String s = h.substring(0, cut > 12 ? cut : LABEL_CHARS - 1);
        s = s.replaceAll("(?i)([\\s,;:\u2013-]+|\\s+(and|or|the|a|an|of|to|in|on|at|for|with|by|from|as|its|his|her|their))+$", "");
        return s + "\u2026";
    }

    /** Advance widths of DejaVu Sans (the widest common sans-serif; what system-ui is on Linux), per mille of the size, for ' ' to '~'. */
    private static final short[] WIDTHS = {318, 401, 460, 838, 637, 951, 780, 275, 391, 391, 500, 838, 318, 361, 318, 337, 637, 637,
        637, 637, 637, 637, 637, 637, 637, 637, 337, 337, 838, 838, 838, 531, 1000, 685, 687, 699, 771, 632, 576, 775, 752, 295, 295,
        656, 558, 863, 749, 788, 604, 788, 695, 635, 611, 732, 685, 989, 686, 611, 686, 391, 337, 391, 838, 500, 500, 613, 635, 550,
        635, 616, 353, 635, 634, 278, 278, 580, 278, 975, 634, 612, 635, 635, 412, 521, 393, 634, 592, 818, 592, 592, 525, 637, 337,
        637, 838};

    /** A generous estimate of a text's width in px at {@code size} px: browsers' sans-serif fonts are no wider. */
    static double textWidth(String text, int size) {
        double w = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            w += c >= 32 && c < 127 ? WIDTHS[c - 32] : c == '\u2026' ? 1000 : 700;
        }
        return w * size / 1000 * 1.04;
    }

    private static double px(double percent, int width) {
        return percent * width / 100;
    }

    private static double round(double percent) {
        return Math.round(percent * 10) / 10.0;
    }

    // --- SVG -----------------------------------------------------------------------------------

    static String render(Layout layout, boolean embedded) {
        int rows = layout.labels().stream().mapToInt(l -> l.row() + 1).max().orElse(0);
        int barLanes = layout.marks().stream().filter(Mark::bar).mapToInt(m -> m.lane() + 1).max().orElse(0);
        int pointLanes = Math.max(layout.bins().isEmpty() ? 1 : 2,
                layout.marks().stream().filter(m -> !m.bar()).mapToInt(m -> m.lane() + 1).max().orElse(0));
        int labelsBottom = rows == 0 ? 0 : 14 * rows + 2;
        int barsTop = labelsBottom + 4;
        int pointsTop = barsTop + LANE * barLanes;
        int axis = pointsTop + LANE * pointLanes + 3;
        int height = axis + 18;

        StringBuilder s = new StringBuilder(8192);
        s.append("<svg class=\"ov\" width=\"100%\" height=\"").append(height).append("\" role=\"group\" aria-label=\"Overview: ")
                .append(layout.marks().size() + layout.bins().stream().mapToInt(b -> b.events().size()).sum())
                .append(" events from ").append(DisplayDate.single(layout.from(), Precision.MONTH)).append(" to ")
                .append(DisplayDate.single(layout.to(), Precision.MONTH)).append("\"><defs>");
        TreeSet<Integer> used = new TreeSet<>();
        layout.marks().forEach(m -> used.add(m.event().category().ordinal()));
        layout.bins().forEach(b -> b.events().forEach(e -> used.add(e.category().ordinal()))); // the page's legend uses them too
        for (int c : used) {
            s.append("<path id=\"_k").append(c).append("\" class=\"c").append(c).append("\" d=\"").append(SHAPES[c]).append("\"/>");
        }
        s.append("</defs><line class=\"ax\" x1=\"0\" x2=\"100%\" y1=\"").append(axis).append("\" y2=\"").append(axis).append("\"/>");
        if (layout.monthTicks()) {
            // Every month's tick in one path, drawn in days on a drawing stretched over the axis (the stroke does not stretch).
            long days = ChronoUnit.DAYS.between(layout.from(), layout.to()) + 1;
            s.append("<svg x=\"").append(num(MARGIN)).append("%\" width=\"").append(num(100 - 2 * MARGIN)).append("%\" y=\"")
                    .append(axis).append("\" height=\"3\" viewBox=\"0 0 ").append(days).append(" 3\" preserveAspectRatio=\"none\">")
                    .append("<path class=\"tn\" d=\"");
            long last = 0;
            for (YearMonth m = YearMonth.from(layout.from()).plusMonths(1); !m.isAfter(YearMonth.from(layout.to())); m = m.plusMonths(1)) {
                long d = ChronoUnit.DAYS.between(layout.from(), m.atDay(1));
                s.append(last == 0 ? "M" + d + " 0" : "m" + (d - last) + "-3").append("v3");
                last = d;
            }
            s.append("\"/></svg>");
        }
        for (Tick t : layout.ticks()) {
            s.append("<line class=\"").append(t.major() ? "tj" : "tn").append("\" x1=\"").append(num(t.x())).append("%\" x2=\"")
                    .append(num(t.x())).append("%\" y1=\"").append(axis).append("\" y2=\"").append(axis + (t.major() ? 5 : 3))
                    .append("\"/>");
            if (t.text() != null) {
                s.append("<text").append(t.wideOnly() ? " class=\"w\"" : "").append(" x=\"").append(num(t.x())).append("%\" y=\"")
                        .append(axis + 16).append("\">").append(t.text()).append("</text>");
            }
        }
        for (Bin b : layout.bins()) {
            int max = pointsTop + LANE * pointLanes - barsTop;
            int h = (int) Math.max(16, Math.round(max * Math.sqrt(b.events().size() / (double) maxBin(layout))));
            link(s, b.href(), b.faded(), embedded, binName(b), null);
            s.append("<rect class=\"bn\" x=\"").append(num(b.x1() + 0.3)).append("%\" width=\"").append(num(b.x2() - b.x1() - 0.6))
                    .append("%\" y=\"").append(axis - 1 - h).append("\" height=\"").append(h).append("\"/><text class=\"bc\" x=\"")
                    .append(num((b.x1() + b.x2()) / 2)).append("%\" y=\"").append(axis - 5).append("\">").append(count(b.events().size()))
                    .append("</text></a>");
        }
        for (Mark m : layout.marks()) {
            EventView e = m.event();
            int c = e.category().ordinal();
            link(s, m.href(), m.faded(), embedded, e.displayDate().text() + ": " + e.headline(),
                    m.href().equals("#" + e.id()) ? e.id() : null);
            int y = m.bar() ? barsTop + LANE * m.lane() + LANE / 2 : pointsTop + LANE * m.lane() + LANE / 2;
            if (m.bar()) {
                s.append("<rect class=\"c").append(c).append("\" x=\"").append(num(m.x1())).append("%\" width=\"")
                        .append(num(m.x2() - m.x1())).append("%\" y=\"").append(y - 2).append("\" height=\"5\"/>");
            }
            s.append("<use href=\"#_k").append(c).append("\" x=\"").append(num(m.x1())).append("%\" y=\"").append(y).append("\"/>");
            for (Label l : layout.labels()) {
                if (l.mark() == m) {
                    int base = 11 + 14 * l.row();
                    s.append("<g class=\"lb").append(l.wideOnly() ? " w" : "").append("\"><line x1=\"").append(num(m.x1()))
                            .append("%\" x2=\"").append(num(m.x1())).append("%\" y1=\"").append(base + 3).append("\" y2=\"")
                            .append(y - RADIUS - 1).append("\"/><text x=\"").append(num(m.x1())).append("%\" y=\"").append(base)
                            .append(l.end() ? "\" text-anchor=\"end\">" : "\">").append(escape(l.text())).append("</text></g>");
                }
            }
            s.append("</a>");
        }
        return s.append("</svg>").toString();
    }

    /**
     * Opens a mark's link. Its accessible name is the date and headline: for an event listed on this
     * page, by reference to its date and heading there ({@code d-id}, {@code h-id}: no text twice in
     * the page), otherwise in a title.
     */
    private static void link(StringBuilder s, String href, boolean faded, boolean embedded, String name, String listed) {
        s.append("<a href=\"").append(escape(href)).append('"');
        if (embedded && href.startsWith("#")) {
            s.append(" target=\"_self\"");
        }
        if (faded) {
            s.append(" class=\"f\"");
        }
        if (listed != null) {
            s.append(" aria-labelledby=\"d-").append(listed).append(" h-").append(listed).append("\">");
        } else {
            s.append("><title>").append(escape(name)).append("</title>");
        }
    }

    private static int maxBin(Layout layout) {
        return layout.bins().stream().mapToInt(b -> b.events().size()).max().orElse(1);
    }

    /** "Jan. 3 – Feb. 20, 2025: 42 events" (and how many match the filters, when some do not). */
    static String binName(Bin b) {
        LocalDate first = b.events().stream().map(EventView::coversFrom).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = b.events().stream().map(EventView::coversFrom).max(LocalDate::compareTo).orElseThrow();
        String when = DisplayDate.of(first, last, Precision.DAY).text();
        int n = b.events().size();
        String name = when + ": " + n + " events";
        return b.matching() == n ? name : name + ", " + b.matching() + " matching the filters";
    }

    /** A bin's count as it fits a column: 842, 12k. */
    static String count(int n) {
        return n < 1000 ? String.valueOf(n) : (n / 1000) + "k";
    }

    private static String num(double v) {
        long r = Math.round(v * 10);
        return r % 10 == 0 ? String.valueOf(r / 10) : String.format(Locale.ROOT, "%.1f", r / 10.0);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * One shape per category, centred on 0,0, about 10 px across, in the order of
     * {@link org.tradeline.event.Category}: circle, square, diamond, triangle up, triangle down,
     * plus, triangle right, triangle left, hexagon.
     */
    static final String[] SHAPES = {
        "M-5 0a5 5 0 1 0 10 0a5 5 0 1 0-10 0z",
        "M-4-4h8v8h-8z",
        "M0-5.5 5.5 0 0 5.5-5.5 0z",
        "M0-5 5 4.5H-5z",
        "M-5-4.5H5L0 5z",
        "M-1.8-5h3.6v3.2H5v3.6H1.8V5h-3.6V1.8H-5v-3.6h3.2z",
        "M-4.5-5 5 0-4.5 5z",
        "M4.5-5-5 0 4.5 5z",
        "M-2.6-4.5h5.2L5 0 2.6 4.5h-5.2L-5 0z",
    };
}
