package org.tradeline.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The resolver over a table of sentences: the published date, the expression found and the
 * period it resolves to. Covers year boundaries, leap days, weekdays named on the published day
 * itself, past against future tense, every absolute style, and words that are not dates.
 */
class DateResolutionTest {

    /** Each candidate of the text as "expression=start..end". */
    static List<String> dates(String text, String published) {
        return ArticleExtractor.extract(text, LocalDate.parse(published), TimelineFacts.NONE).candidates().stream()
                .map(c -> c.expression() + "=" + c.period().start() + ".." + c.period().end()).toList();
    }

    @ParameterizedTest(name = "[{index}] {0} ({1})")
    @CsvSource(delimiter = '|', textBlock = """
            # weekdays, by tense, and named on the published day itself (2025-01-07 is a Tuesday)
            Ishiba said on Monday that he wanted an explanation.             | 2025-01-07 | on Monday=2025-01-06..2025-01-06
            The judge will rule on Friday on the request.                    | 2025-01-07 | on Friday=2025-01-10..2025-01-10
            Blinken met the prime minister on Tuesday in Tokyo.              | 2025-01-07 | on Tuesday=2025-01-07..2025-01-07
            The board will vote on Tuesday, the chairman said.               | 2025-01-07 | on Tuesday=2025-01-07..2025-01-07
            The company said it would appeal the ruling on Friday.           | 2025-01-07 | on Friday=2025-01-10..2025-01-10
            Talks collapsed last Friday after a night of haggling.           | 2025-01-10 | last Friday=2025-01-03..2025-01-03
            The regulator meets again next Monday to weigh the plan.         | 2025-01-07 | next Monday=2025-01-13..2025-01-13
            Shares fell sharply after Friday's decision by the panel.        | 2025-01-07 | Friday's=2025-01-03..2025-01-03
            # months and days without a year, across year boundaries
            The panel reached a split decision in December on the bid.       | 2025-01-15 | in December=2024-12-01..2024-12-31
            The agency will decide in January whether to act.                | 2024-12-20 | in January=2025-01-01..2025-01-31
            Talks resumed on Jan. 3 after the holiday break.                 | 2025-01-07 | on Jan. 3=2025-01-03..2025-01-03
            The hearing is set for Jan. 3 in federal court.                  | 2024-12-28 | Jan. 3=2025-01-03..2025-01-03
            The deal closed on Dec. 31 after a year of talks.                | 2025-01-01 | on Dec. 31=2024-12-31..2024-12-31
            The companies must abandon the deal by June 18 under the order.  | 2025-01-13 | by June 18=2025-06-18..2025-06-18
            # leap days
            The mill closed on Feb. 29, 2024, after the last order shipped.  | 2024-03-05 | on Feb. 29, 2024=2024-02-29..2024-02-29
            Shipments stopped on Feb. 29 when the port froze.                | 2025-03-05 | on Feb. 29=2024-02-29..2024-02-29
            Prices of rebar rose yesterday on the exchange.                  | 2024-03-01 | yesterday=2024-02-29..2024-02-29
            The smelter will reopen tomorrow after repairs.                  | 2024-02-28 | tomorrow=2024-02-29..2024-02-29
            # every absolute style newsrooms use
            The order was signed on January 3, 2025, in Washington.          | 2025-01-13 | on January 3, 2025=2025-01-03..2025-01-03
            The order was signed on 3 January 2025 in Washington.            | 2025-01-13 | on 3 January 2025=2025-01-03..2025-01-03
            The panel referred the case to the president on Dec. 23, 2024.   | 2025-01-13 | on Dec. 23, 2024=2024-12-23..2024-12-23
            The filing is dated 2025-01-03 and runs to 40 pages.             | 2025-01-13 | 2025-01-03=2025-01-03..2025-01-03
            Output fell to its lowest level in mid-2024 before recovering.   | 2025-01-13 | in mid-2024=2024-05-01..2024-08-31
            Harbor lost money in the first quarter as prices fell.           | 2025-05-02 | in the first quarter=2025-01-01..2025-03-31
            Harbor will open the plant in the first quarter, it said.        | 2025-05-02 | in the first quarter=2026-01-01..2026-03-31
            The line ran at a loss in January 2025, the filing shows.        | 2025-06-02 | in January 2025=2025-01-01..2025-01-31
            # relative periods and amounts
            Biden's decision last week to block the deal drew protests.      | 2025-01-07 | last week=2024-12-30..2025-01-05
            The agency will publish its findings next week, officials said.  | 2025-01-07 | next week=2025-01-13..2025-01-19
            Imports surged earlier this month, customs data showed.          | 2025-01-15 | earlier this month=2025-01-01..2025-01-14
            The union struck last year over pensions.                        | 2025-01-15 | last year=2024-01-01..2024-12-31
            The companies must abandon the deal within 30 days, the order says. | 2025-01-03 | within 30 days=2025-01-03..2025-02-02
            Trump, who is set to return to the White House in about two weeks, vowed to block it. | 2025-01-07 | in about two weeks=2025-01-20..2025-01-22
            The furnace was shut three weeks ago for repairs.                | 2023-06-05 | three weeks ago=2023-05-15..2023-05-15
            The ministry expects a decision between March and May, it said.  | 2025-01-07 | between March and May=2025-03-01..2025-05-31
            The delegation toured the plant from Dec. 1 to Dec. 5 last year. | 2025-01-07 | from Dec. 1 to Dec. 5=2024-12-01..2024-12-05
            A ruling is expected early next month, lawyers said.             | 2025-01-07 | early next month=2025-02-01..2025-02-10
            """)
    void shouldResolve(String sentence, String published, String expected) {
        assertThat(dates(sentence, published)).as(sentence).first().isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Officials said the tariff may rise if talks fail.
            May the best bid win, the banker joked to reporters.
            Steelworkers plan a march on the capital to protest imports.
            Thousands joined the March on Washington for steel jobs.
            The review under Section 232 covers $2,024 million of imports.
            The plant employs 2,000 workers and ships 2024 tons a week.
            The panel began a 90-day review of the deal.
            The two sides have negotiated for four years without success.
            ©2025 Bloomberg L.P.
            Jan. 7, 2025 Jan. 8, 2025 Jan. 9, 2025
            The dispute over the June Pratt contract went to arbitration.
            Prices could fall if demand weakens.
            """)
    void shouldFindNoDateIn(String sentence) {
        assertThat(dates(sentence, "2025-01-07")).as(sentence).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void shouldCountTheDayBeforeFromTheDateMentionedLast() {
        assertThat(dates("Brightwater sued Copperline on Feb. 24. The day before, Copperline had sent a letter. "
                + "Copperline answered two days later.", "2025-04-16"))
                .containsExactly("on Feb. 24=2025-02-24..2025-02-24", "The day before=2025-02-23..2025-02-23",
                        "two days later=2025-02-25..2025-02-25");
    }

    @org.junit.jupiter.api.Test
    void shouldDateAPossessiveAsTheThingItNames() {
        assertThat(dates("The court will review Friday's decision next month in Ohio.", "2025-01-07"))
                .containsExactly("Friday's=2025-01-03..2025-01-03", "next month=2025-02-01..2025-02-28");
        assertThat(dates("Friday's televised debate will be the first of three.", "2025-01-07"))
                .containsExactly("Friday's=2025-01-10..2025-01-10");
    }

    @org.junit.jupiter.api.Test
    void shouldCountWithinFromTheStatementsOwnDate() {
        assertThat(dates("On Jan. 3, Biden ordered the companies to abandon the deal within 30 days.", "2025-01-13"))
                .containsExactly("On Jan. 3=2025-01-03..2025-01-03", "within 30 days=2025-01-03..2025-02-02");
    }

    @org.junit.jupiter.api.Test
    void shouldKeepMonthAndYearPrecision() {
        var c = ArticleExtractor.extract("The panel reached a split decision in December.", LocalDate.parse("2025-01-15"),
                TimelineFacts.NONE).candidates().get(0);
        assertThat(c.period().precision().code()).isEqualTo("month");
        assertThat(c.period().endDate()).isNull();
        var span = ArticleExtractor.extract("The talks ran between March and May, officials said.", LocalDate.parse("2025-07-15"),
                TimelineFacts.NONE).candidates().get(0);
        assertThat(span.period().precision().code()).isEqualTo("month");
        assertThat(span.period().endDate()).isEqualTo(LocalDate.parse("2025-05-01"));
    }
}
