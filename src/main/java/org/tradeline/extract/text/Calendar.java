package org.tradeline.extract.text;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.function.IntFunction;
import org.tradeline.event.Precision;

/**
 * Calendar arithmetic for resolving dates: weeks run Monday to Sunday, quarters and halves are
 * calendar ones, seasons are meteorological (northern hemisphere), and "early", "mid" and "late"
 * are thirds of a month (days 1–10, 11–20, 21–end) or of a year (January–April, May–August,
 * September–December). See docs/extraction.md, "How a period is written".
 */
final class Calendar {

    private Calendar() {
    }

    static LocalDate monday(LocalDate d) {
        return d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    static Period week(LocalDate anyDay) {
        LocalDate m = monday(anyDay);
        return Period.days(m, m.plusDays(6));
    }

    static Period quarter(int year, int q) {
        return Period.months(YearMonth.of(year, q * 3 - 2), YearMonth.of(year, q * 3));
    }

    static Period half(int year, int h) {
        return Period.months(YearMonth.of(year, h * 6 - 5), YearMonth.of(year, h * 6));
    }

    /** Seasons 0–3: spring, summer, fall, winter; winter {@code year} runs from its December into the next year. */
    static Period season(int year, int season) {
        YearMonth first = YearMonth.of(year, 3 + season * 3);
        return Period.months(first, first.plusMonths(2));
    }

    /** Part 0–2 (early, mid, late) of a month, as days. */
    static Period thirdOfMonth(YearMonth m, int part) {
        return switch (part) {
            case 0 -> Period.days(m.atDay(1), m.atDay(10));
            case 1 -> Period.days(m.atDay(11), m.atDay(20));
            default -> Period.days(m.atDay(21), m.atEndOfMonth());
        };
    }

    /** Part 0–2 (early, mid, late) of a year, as months. */
    static Period thirdOfYear(int year, int part) {
        return Period.months(YearMonth.of(year, part * 4 + 1), YearMonth.of(year, part * 4 + 4));
    }

    /** Part 0–2 of whatever period: a month's thirds in days, a year's in months, else thirds of its days. */
    static Period third(Period p, int part) {
        if (p.precision() == Precision.MONTH && p.start().getMonth() == p.end().getMonth()
                && p.start().getYear() == p.end().getYear()) {
            return thirdOfMonth(YearMonth.from(p.start()), part);
        }
        if (p.precision() == Precision.YEAR) {
            return thirdOfYear(p.start().getYear(), part);
        }
        long days = p.days();
        LocalDate s = p.start().plusDays(days * part / 3);
        LocalDate e = part == 2 ? p.end() : p.start().plusDays(days * (part + 1) / 3 - 1);
        return Period.days(s, e.isBefore(s) ? s : e);
    }

    static int part(String word) {
        return switch (word.toLowerCase(java.util.Locale.ROOT)) {
            case "early", "beginning", "start" -> 0;
            case "mid", "middle" -> 1;
            default -> 2;
        };
    }

    /**
     * The occurrence of a yearly period (a month, a day, a quarter…) that the tense points to:
     * the latest that has begun by {@code ref} for the past, the next that has not ended before it
     * for the future, otherwise the nearest to it.
     */
    static Period choose(IntFunction<Period> inYear, LocalDate ref, Tense tense) {
        Period best = null;
        long bestDistance = Long.MAX_VALUE;
        for (int y = ref.getYear() - 1; y <= ref.getYear() + 1; y++) {
            Period p = inYear.apply(y);
            if (p == null) {
                continue;
            }
            if (tense == Tense.PAST) {
                if (!p.start().isAfter(ref)) {
                    best = p; // ascending years: the last one that qualifies is the latest
                }
            } else if (tense == Tense.FUTURE) {
                if (!p.end().isBefore(ref) && best == null) {
                    best = p;
                }
            } else {
                long distance = p.overlaps(ref, ref) ? 0
                        : Math.min(Math.abs(p.start().toEpochDay() - ref.toEpochDay()), Math.abs(p.end().toEpochDay() - ref.toEpochDay()));
                if (distance < bestDistance) {
                    best = p;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /** The first occurrence of a yearly period starting on or after {@code day}. */
    static Period firstFrom(IntFunction<Period> inYear, LocalDate day) {
        for (int y = day.getYear(); y <= day.getYear() + 1; y++) {
            Period p = inYear.apply(y);
            if (p != null && !p.start().isBefore(day)) {
                return p;
            }
        }
        return null;
    }
}
