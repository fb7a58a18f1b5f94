package org.tradeline.event;

import jakarta.persistence.Converter;
import java.time.LocalDate;
import java.time.YearMonth;
import org.tradeline.config.Coded;
import org.tradeline.config.CodedConverter;

/**
 * How much of a date is known. A month-precision date is stored as the first of the month
 * but never shown or compared as that day: "September 2024" covers Sept. 1 to 30.
 */
public enum Precision implements Coded {
    DAY("day"),
    MONTH("month"),
    YEAR("year");

    private final String code;

    Precision(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    /** The first day of the period this date stands for. */
    public LocalDate first(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case MONTH -> date.withDayOfMonth(1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    /** The last day of the period this date stands for. */
    public LocalDate last(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case MONTH -> YearMonth.from(date).atEndOfMonth();
            case YEAR -> date.withMonth(12).withDayOfMonth(31);
        };
    }

    /** The date as written at this precision: 2024-09-18, 2024-09 or 2024 (ISO 8601, HTML datetime). */
    public String iso(LocalDate date) {
        return switch (this) {
            case DAY -> date.toString();
            case MONTH -> YearMonth.from(date).toString();
            case YEAR -> String.valueOf(date.getYear());
        };
    }

    /** Reads 2024-09-18, 2024-09 or 2024; the form gives the precision. */
    public static PreciseDate parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("a date is required");
        }
        String t = text.strip();
        if (t.matches("0000(-.*)?")) {
            throw new IllegalArgumentException("'" + t + "' is not a real date: there is no year 0");
        }
        try {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return new PreciseDate(LocalDate.parse(t), DAY);
            }
            if (t.matches("\\d{4}-\\d{2}")) {
                return new PreciseDate(YearMonth.parse(t).atDay(1), MONTH);
            }
            if (t.matches("\\d{4}")) {
                return new PreciseDate(LocalDate.of(Integer.parseInt(t), 1, 1), YEAR);
            }
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + t + "' is not a real date");
        }
        throw new IllegalArgumentException("'" + t + "' is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY");
    }

    /** A date together with its precision. */
    public record PreciseDate(LocalDate date, Precision precision) {
    }

    @Converter(autoApply = true)
    public static class JpaConverter extends CodedConverter<Precision> {
        public JpaConverter() {
            super(Precision.class);
        }
    }
}
