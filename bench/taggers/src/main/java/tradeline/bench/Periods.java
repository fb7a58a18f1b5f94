package tradeline.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tradeline.bench.Model.Period;

/** TIMEX3 value (plus optional mod) to a period of whole days, following docs/extraction.md's conventions. */
final class Periods {
    private Periods() {}

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(T.*)?");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern DECADE = Pattern.compile("(\\d{3})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{1,2})");
    private static final Pattern WEEKEND = Pattern.compile("(\\d{4})-W(\\d{1,2})-WE");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
    private static final Pattern SEASON = Pattern.compile("(\\d{4})-(SP|SU|FA|WI)");

    static Period toPeriod(String value) { return toPeriod(value, null); }

    static Period toPeriod(String value, String mod) {
        if (value == null) return null;
        String v = value.trim();
        if (v.isEmpty() || v.contains("X") || v.startsWith("P") || v.contains("REF")) return null;
        Matcher m;
        if ((m = DAY.matcher(v)).matches()) {
            return Period.day(LocalDate.of(i(m, 1), i(m, 2), i(m, 3)));
        }
        if ((m = MONTH.matcher(v)).matches()) {
            YearMonth ym = YearMonth.of(i(m, 1), i(m, 2));
            return thirds(new Period(ym.atDay(1), ym.atEndOfMonth()), mod, true);
        }
        if ((m = YEAR.matcher(v)).matches()) {
            int y = i(m, 1);
            return thirds(new Period(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31)), mod, false);
        }
        if ((m = DECADE.matcher(v)).matches()) {
            int y = i(m, 1) * 10;
            return new Period(LocalDate.of(y, 1, 1), LocalDate.of(y + 9, 12, 31));
        }
        if ((m = WEEK.matcher(v)).matches()) {
            LocalDate monday = isoWeekMonday(i(m, 1), i(m, 2));
            return new Period(monday, monday.plusDays(6));
        }
        if ((m = WEEKEND.matcher(v)).matches()) {
            LocalDate monday = isoWeekMonday(i(m, 1), i(m, 2));
            return new Period(monday.plusDays(5), monday.plusDays(6));
        }
        if ((m = QUARTER.matcher(v)).matches()) {
            int y = i(m, 1), q = i(m, 2);
            YearMonth first = YearMonth.of(y, 3 * q - 2);
            return new Period(first.atDay(1), first.plusMonths(2).atEndOfMonth());
        }
        if ((m = HALF.matcher(v)).matches()) {
            int y = i(m, 1), h = i(m, 2);
            return h == 1 ? new Period(LocalDate.of(y, 1, 1), LocalDate.of(y, 6, 30))
                          : new Period(LocalDate.of(y, 7, 1), LocalDate.of(y, 12, 31));
        }
        if ((m = SEASON.matcher(v)).matches()) {
            int y = i(m, 1);
            return switch (m.group(2)) {
                case "SP" -> new Period(LocalDate.of(y, 3, 1), LocalDate.of(y, 5, 31));
                case "SU" -> new Period(LocalDate.of(y, 6, 1), LocalDate.of(y, 8, 31));
                case "FA" -> new Period(LocalDate.of(y, 9, 1), LocalDate.of(y, 11, 30));
                default -> new Period(LocalDate.of(y, 12, 1), YearMonth.of(y + 1, 2).atEndOfMonth());
            };
        }
        return null;
    }

    static LocalDate isoWeekMonday(int weekYear, int week) {
        return LocalDate.of(weekYear, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** TIMEX3 mod START / MID / END (HeidelTime and SUTime use them for early / mid / late) as thirds. */
    private static Period thirds(Period p, String mod, boolean month) {
        if (mod == null) return p;
        String md = mod.toUpperCase();
        int which = switch (md) {
            case "START", "EARLY" -> 0;
            case "MID", "MIDDLE" -> 1;
            case "END", "LATE" -> 2;
            default -> -1;
        };
        if (which < 0) return p;
        LocalDate s = p.start();
        if (month) {
            return switch (which) {
                case 0 -> new Period(s, s.withDayOfMonth(10));
                case 1 -> new Period(s.withDayOfMonth(11), s.withDayOfMonth(20));
                default -> new Period(s.withDayOfMonth(21), p.end());
            };
        }
        int y = s.getYear();
        return switch (which) {
            case 0 -> new Period(LocalDate.of(y, 1, 1), LocalDate.of(y, 4, 30));
            case 1 -> new Period(LocalDate.of(y, 5, 1), LocalDate.of(y, 8, 31));
            default -> new Period(LocalDate.of(y, 9, 1), LocalDate.of(y, 12, 31));
        };
    }

    private static int i(Matcher m, int g) { return Integer.parseInt(m.group(g)); }
}
