package org.tradeline.extract.text;

import java.time.LocalDate;
import java.time.YearMonth;
import org.tradeline.event.Precision;

/**
 * The time a date expression stands for: whole days from {@code start} to {@code end}, and the
 * precision the text supports. "December 2024" is 2024-12-01 to 2024-12-31 at month precision;
 * "last week" is a Monday to a Sunday at day precision.
 */
public record Period(LocalDate start, LocalDate end, Precision precision) {

    public Period {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a period ends before it starts: " + start + " to " + end);
        }
    }

    public static Period day(LocalDate d) {
        return new Period(d, d, Precision.DAY);
    }

    public static Period days(LocalDate start, LocalDate end) {
        return new Period(start, end, Precision.DAY);
    }

    public static Period month(YearMonth m) {
        return new Period(m.atDay(1), m.atEndOfMonth(), Precision.MONTH);
    }

    public static Period months(YearMonth first, YearMonth last) {
        return new Period(first.atDay(1), last.atEndOfMonth(), Precision.MONTH);
    }

    public static Period year(int year) {
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), Precision.YEAR);
    }

    /** From the start of this period to the end of {@code other}, at the coarser of the two precisions. */
    public Period through(Period other) {
        Precision p = precision.compareTo(other.precision) >= 0 ? precision : other.precision;
        LocalDate last = other.end.isAfter(end) ? other.end : end;
        LocalDate first = other.start.isBefore(start) ? other.start : start;
        return new Period(p.first(first), p.last(last), p);
    }

    /** The date an event stores: the first day of the period, at its precision. */
    public LocalDate date() {
        return start;
    }

    /** The end an event stores, or null when the period is one day, one month or one year. */
    public LocalDate endDate() {
        return precision.first(end).equals(precision.first(start)) ? null : precision.first(end);
    }

    public boolean overlaps(LocalDate otherStart, LocalDate otherEnd) {
        return !start.isAfter(otherEnd) && !end.isBefore(otherStart);
    }

    public long days() {
        return end.toEpochDay() - start.toEpochDay() + 1;
    }
}
