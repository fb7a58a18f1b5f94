package org.tradeline.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DisplayDateTest {

    private static String text(String start, String end, Precision p) {
        return DisplayDate.of(LocalDate.parse(start), end == null ? null : LocalDate.parse(end), p).text();
    }

    @Test
    void shouldWriteDaysInApStyle() {
        assertEquals("Jan. 3, 2025", text("2025-01-03", null, Precision.DAY));
        assertEquals("March 14, 2024", text("2024-03-14", null, Precision.DAY));
        assertEquals("Sept. 18, 2024", text("2024-09-18", null, Precision.DAY));
        assertEquals("June 18, 2025", text("2025-06-18", null, Precision.DAY));
    }

    @Test
    void shouldNotPretendAMonthIsItsFirstDay() {
        assertEquals("September 2024", text("2024-09-01", null, Precision.MONTH));
        assertEquals("2024", text("2024-01-01", null, Precision.YEAR));
    }

    @Test
    void shouldWriteSpansAtTheirPrecision() {
        assertEquals("Aug. 31 \u2013 Sept. 18, 2024", text("2024-08-31", "2024-09-18", Precision.DAY));
        assertEquals("Oct. 2\u201318, 2024", text("2024-10-02", "2024-10-18", Precision.DAY));
        assertEquals("Dec. 30, 2024 \u2013 Jan. 3, 2025", text("2024-12-30", "2025-01-03", Precision.DAY));
        assertEquals("March\u2013September 2024", text("2024-03-01", "2024-09-01", Precision.MONTH));
        assertEquals("November 2024 \u2013 February 2025", text("2024-11-01", "2025-02-01", Precision.MONTH));
        assertEquals("2023\u20132025", text("2023-01-01", "2025-01-01", Precision.YEAR));
    }

    @Test
    void shouldTreatASpanWithinOnePeriodAsOneDate() {
        DisplayDate d = DisplayDate.of(LocalDate.parse("2024-09-01"), LocalDate.parse("2024-09-01"), Precision.MONTH);
        assertFalse(d.isSpan());
        assertEquals("September 2024", d.text());
    }

    @Test
    void shouldGiveMachineReadableDatesForTimeElements() {
        DisplayDate d = DisplayDate.of(LocalDate.parse("2024-08-31"), LocalDate.parse("2024-09-18"), Precision.DAY);
        assertTrue(d.isSpan());
        assertEquals("2024-08-31", d.startIso());
        assertEquals("2024-09-18", d.endIso());
        assertEquals("2024-09", Precision.MONTH.iso(LocalDate.parse("2024-09-01")));
    }

    @Test
    void shouldReadDatesAtTheirPrecision() {
        assertEquals(Precision.DAY, Precision.parse("2024-02-29").precision());
        assertEquals(Precision.MONTH, Precision.parse("2024-09").precision());
        assertEquals(LocalDate.parse("2024-01-01"), Precision.parse("2024").date());
        assertThrows(IllegalArgumentException.class, () -> Precision.parse("2024-02-30"));
        assertThrows(IllegalArgumentException.class, () -> Precision.parse("Sept 2024"));
        assertThrows(IllegalArgumentException.class, () -> Precision.parse("2024-13"));
    }

    @Test
    void shouldCoverTheWholePeriodOfADate() {
        assertEquals(LocalDate.parse("2024-09-30"), Precision.MONTH.last(LocalDate.parse("2024-09-01")));
        assertEquals(LocalDate.parse("2024-02-29"), Precision.MONTH.last(LocalDate.parse("2024-02-01")));
        assertEquals(LocalDate.parse("2022-12-31"), Precision.YEAR.last(LocalDate.parse("2022-01-01")));
    }
}
