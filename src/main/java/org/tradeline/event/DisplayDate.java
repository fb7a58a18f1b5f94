package org.tradeline.event;

import java.time.LocalDate;

/**
 * A date or span as a reader writes it, in Associated Press style: "Jan. 3, 2025",
 * "September 2024", "2024", "Aug. 31 – Sept. 18, 2024", "Sept. 2–18, 2024".
 * For a span, {@code start} and {@code end} are the two parts around {@code separator},
 * so a page can put each in its own {@code <time>} element.
 */
public record DisplayDate(String start, String separator, String end, String startIso, String endIso) {

    private static final String[] AP_MONTHS = {
        "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."
    };
    private static final String[] FULL_MONTHS = {
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December"
    };
    private static final String SPACED_DASH = " \u2013 ";
    private static final String DASH = "\u2013";

    /** The whole text, e.g. "Aug. 31 – Sept. 18, 2024". */
    public String text() {
        return end == null ? start : start + separator + end;
    }

    public boolean isSpan() {
        return end != null;
    }

    public static DisplayDate of(LocalDate date, LocalDate endDate, Precision precision) {
        String startIso = precision.iso(date);
        if (endDate == null || precision.iso(endDate).equals(startIso)) {
            return new DisplayDate(single(date, precision), null, null, startIso, null);
        }
        String endIso = precision.iso(endDate);
        boolean sameYear = date.getYear() == endDate.getYear();
        return switch (precision) {
            case YEAR -> new DisplayDate(startIso, DASH, endIso, startIso, endIso);
            case MONTH -> sameYear
                    ? new DisplayDate(FULL_MONTHS[date.getMonthValue() - 1], DASH, single(endDate, precision), startIso, endIso)
                    : new DisplayDate(single(date, precision), SPACED_DASH, single(endDate, precision), startIso, endIso);
            case DAY -> {
                if (sameYear && date.getMonth() == endDate.getMonth()) {
                    yield new DisplayDate(monthDay(date), DASH, endDate.getDayOfMonth() + ", " + endDate.getYear(), startIso, endIso);
                }
                yield new DisplayDate(sameYear ? monthDay(date) : single(date, precision), SPACED_DASH,
                        single(endDate, precision), startIso, endIso);
            }
        };
    }

    /** One date at its precision: "Jan. 3, 2025", "September 2024", "2024". */
    public static String single(LocalDate date, Precision precision) {
        return switch (precision) {
            case DAY -> monthDay(date) + ", " + date.getYear();
            case MONTH -> FULL_MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
            case YEAR -> String.valueOf(date.getYear());
        };
    }

    private static String monthDay(LocalDate date) {
        return AP_MONTHS[date.getMonthValue() - 1] + " " + date.getDayOfMonth();
    }
}
