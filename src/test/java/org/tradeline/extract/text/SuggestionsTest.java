package org.tradeline.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tradeline.event.Category;
import org.tradeline.extract.text.TimelineFacts.ActorFacts;

/** What the extractor suggests for a draft besides its date: headline, category and actors. */
class SuggestionsTest {

    static String headline(String sentence, String expression) {
        int at = sentence.indexOf(expression);
        return Headlines.of(sentence, at, at + expression.length());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Acme Corp. sued the trade agency on Monday, the company said.                      | on Monday        | Acme Corp. sued the trade agency
            TOKYO -- Nippon Steel completed the purchase on Wednesday, the two companies said.  | on Wednesday     | Nippon Steel completed the purchase
            It was unclear whether Ishiba, who said on Monday that he wanted an explanation, met him. | on Monday   | Ishiba said he wanted an explanation
            Earlier on Tuesday, Hashimoto said the company was not giving up, according to Kyodo. | Earlier on Tuesday | Hashimoto said the company was not giving up
            The ruling, issued Tuesday evening, requires the mill to recall its workers by Monday. | Tuesday evening | The ruling requires the mill to recall its workers by Monday
            Harbor reported a net loss for the third quarter, as prices fell.                   | the third quarter | Harbor reported a net loss, as prices fell
            """)
    void shouldMakeAShortHeadlineOfTheSentence(String sentence, String expression, String expected) {
        assertThat(headline(sentence, expression)).isEqualTo(expected);
    }

    @Test
    void shouldCutALongSentenceAtAClauseUnder120Characters() {
        String h = headline("Blinken met with Prime Minister Shigeru Ishiba and Foreign Minister Takeshi Iwaya on Tuesday in Tokyo "
                + "as part of a global trip as his stint as secretary of state draws to a close.", "on Tuesday");
        assertThat(h).hasSizeLessThanOrEqualTo(Headlines.MAX).startsWith("Blinken met with Prime Minister Shigeru Ishiba")
                .doesNotEndWith(" as").doesNotContain("Tuesday");
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
            litigation          | Nippon Steel and U.S. Steel sued the government and Cleveland-Cliffs on Monday.
            regulatory-review   | CFIUS told the companies on Aug. 31 that the deal posed risks.
            executive-action    | President Biden blocked the acquisition on Friday, citing national security.
            executive-action    | Trump signed an executive order on June 13 letting the deal proceed.
            trade-measure       | The administration raised the tariff on steel imports to 50% on Wednesday.
            political-statement | Trump vowed on Monday to block the deal if elected.
            diplomacy           | Blinken met with Prime Minister Ishiba on Tuesday in Tokyo.
            shareholder-vote    | U.S. Steel shareholders approved the merger at a special meeting on April 12.
            deal                | Nippon Steel agreed to acquire U.S. Steel for $55 a share on Dec. 18.
            legislation         | The Senate passed the bill on Thursday.
            """)
    void shouldSuggestTheCategoryTheWordsPointTo(String expected, String sentence) {
        assertThat(Categories.suggest(sentence)).isEqualTo(org.tradeline.config.Coded.byCode(Category.class, expected).orElseThrow());
    }

    @Test
    void shouldSuggestNoCategoryWhenNoWordPointsToOne() {
        assertThat(Categories.suggest("Output rose 3% on Monday.")).isNull();
    }

    static final List<ActorFacts> ACTORS = List.of(
            new ActorFacts("nippon-steel", "Nippon Steel", List.of()),
            new ActorFacts("us-steel", "U.S. Steel", List.of()),
            new ActorFacts("us-steel-shareholders", "U.S. Steel shareholders", List.of()),
            new ActorFacts("shigeru-ishiba", "Shigeru Ishiba", List.of()),
            new ActorFacts("joe-biden", "Joe Biden", List.of()),
            new ActorFacts("hunter-biden", "Hunter Biden", List.of()),
            new ActorFacts("lourenco-goncalves", "Lourenço Goncalves", List.of()),
            new ActorFacts("cleveland-cliffs", "Cleveland-Cliffs", List.of("Cliffs")),
            new ActorFacts("government-of-japan", "Government of Japan", List.of("Japan's foreign ministry")));

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Ishiba said he wanted an explanation.                          | shigeru-ishiba
            Nippon Steel Corp. and US Steel Corp. filed suit.              | nippon-steel us-steel
            U.S. Steel shareholders approved the merger.                   | us-steel-shareholders
            Goncalves and Cliffs opposed the bid.                          | lourenco-goncalves cleveland-cliffs
            Lourenco Goncalves spoke first.                                | lourenco-goncalves
            According to Japan's foreign ministry, the talks went well.    | government-of-japan
            Biden said nothing.                                            | -
            The steel industry is in trouble.                              | -
            """)
    void shouldFindTheTimelinesActorsByNameShortNameOrAlias(String sentence, String expected) {
        List<String> ids = expected.equals("-") ? List.of() : List.of(expected.split(" "));
        assertThat(new ActorNames(ACTORS).find(sentence)).as(sentence + " (Biden is two actors: no short name)").isEqualTo(ids);
    }
}
