package org.tradeline.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every page here is made up: fictional companies and publishers, sentences written for these tests. */
class ArticlePageTest {

    static final String ARTICLE = """
            <!doctype html>
            <html lang="en"><head>
            <meta charset="utf-8">
            <title>Larkspur Cable asks for duties on imported wire | Harbour Ledger</title>
            <meta property="og:title" content="Larkspur Cable asks for duties on imported wire">
            <meta property="og:site_name" content="Harbour Ledger">
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "NewsArticle",
             "headline": "Larkspur Cable asks for duties (JSON-LD)",
             "datePublished": "2025-01-07T00:30:00-05:00",
             "publisher": {"@type": "Organization", "name": "Harbour Ledger Group"}}
            </script>
            <script>window.tracker = "SCRIPT-IN-HEAD";</script>
            <style>.promo { color: red } /* STYLE-TEXT */</style>
            </head><body>
            <nav><ul><li>Home</li><li>Markets</li><li>Opinion</li></ul></nav>
            <article>
              <header><h1>Larkspur Cable asks for duties on imported wire</h1><p class="byline">By Ada Byline</p></header>
              <p>Larkspur Cable Works on Monday asked the Commerce Department to look into steel wire shipped from two countries.</p>
              <div class="share-tools"><p>Share this story</p><button>Copy link</button></div>
              <p>The company said   prices had fallen
                 by a fifth since <a href="/x">March</a>.<script>document.write("SCRIPT-IN-P")</script></p>
              <figure><img src="spool.jpg" alt="A spool"><figcaption>A wire spool at the mill.</figcaption></figure>
              <h2>What happens next</h2>
              <p>A decision on whether to open a case is due by Jan. 27.</p>
              <aside><p>Read more: an unrelated story about ferries.</p></aside>
            </article>
            <footer><p>Copyright Harbour Ledger</p></footer>
            </body></html>
            """;

    static final String ARTICLE_TEXT = """
            Larkspur Cable Works on Monday asked the Commerce Department to look into steel wire shipped from two countries.

            The company said prices had fallen by a fifth since March.

            What happens next

            A decision on whether to open a case is due by Jan. 27.""";

    @Test
    void shouldReadAnArticlePage() {
        FetchedArticle a = ArticlePage.read(ARTICLE, "https://www.harbour-ledger.example/trade/larkspur");

        assertThat(a.url()).isEqualTo("https://www.harbour-ledger.example/trade/larkspur");
        assertThat(a.title()).isEqualTo("Larkspur Cable asks for duties on imported wire");
        assertThat(a.publisher()).isEqualTo("Harbour Ledger");
        assertThat(a.published()).isEqualTo(LocalDate.of(2025, 1, 7));
        assertThat(a.text()).isEqualTo(ARTICLE_TEXT);
    }

    @Test
    void shouldFindTheArticleInAJsonLdGraph() {
        String html = """
                <html><head><script type="application/ld+json">
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebPage", "@id": "https://quay.example/#page", "datePublished": "2020-05-05"},
                  {"@type": "Organization", "@id": "https://quay.example/#org", "name": "Quayside Wire"},
                  {"@type": ["Thing", "NewsArticle"], "headline": "Tidewater Mills wins its appeal",
                   "datePublished": "2024-11-30T23:15:00+09:00", "publisher": {"@id": "https://quay.example/#org"}}
                ]}
                </script></head>
                <body><p>Tidewater Mills won an appeal on Friday.</p></body></html>
                """;

        FetchedArticle a = ArticlePage.read(html, "https://quay.example/a");

        assertThat(a.title()).isEqualTo("Tidewater Mills wins its appeal");
        assertThat(a.publisher()).isEqualTo("Quayside Wire");
        assertThat(a.published()).isEqualTo(LocalDate.of(2024, 11, 30));
    }

    @Test
    void shouldReadAPublisherGivenAsAnArrayAndANestedArticle() {
        String html = """
                <script type="application/ld+json">
                [{"@type": "WebSite", "name": "not the publisher"},
                 {"@type": "WebPage", "mainEntity": {"@type": "ReportageNewsArticle", "datePublished": "2025-02-03",
                   "publisher": [{"@type": "Organization", "name": "Fenwick Trade Bulletin"}]}}]
                </script>
                <p>Fenwick Alloys opened a plant.</p>
                """;

        FetchedArticle a = ArticlePage.read(html, "https://bulletin.example/x");

        assertThat(a.publisher()).isEqualTo("Fenwick Trade Bulletin");
        assertThat(a.published()).isEqualTo(LocalDate.of(2025, 2, 3));
    }

    @Test
    void shouldTakeThePublishedTimeAsWrittenWithoutConvertingItsOffset() {
        String html = """
                <meta property="article:published_time" content="2025-03-04T22:10:00-08:00">
                <p>Ostrander Foods said it would appeal.</p>
                """;

        assertThat(ArticlePage.read(html, null).published()).isEqualTo(LocalDate.of(2025, 3, 4));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<meta name='pubdate' content='2025-05-06'>|2025-05-06",
        "<meta name='parsely-pub-date' content='2025-05-06T08:00:00Z'>|2025-05-06",
        "<meta name='sailthru.date' content='2025-05-06 10:00:00'>|2025-05-06",
        "<meta name='DC.date.issued' content='2025/05/06'>|2025-05-06",
        "<meta name='dc.date' content='20250506'>|2025-05-06",
        "<meta itemprop='datePublished' content='2025-05-06'>|2025-05-06",
        "<meta name='date' content='May 6, 2025'>|2025-05-06",
        "<meta name='date' content='Tuesday, 6 May 2025'>|2025-05-06",
        "<p>x <time itemprop='datePublished' datetime='2025-05-06T09:00'>Tuesday</time></p>|2025-05-06",
        "<meta name='date' content='yesterday'>|",
        "<meta name='date' content='2025-02-30'>|",
        "<meta name='date' content='99999-01-01'>|",
    })
    void shouldReadTheDateFromCommonMetaTags(String head, String expected) {
        FetchedArticle a = ArticlePage.read(head + "<p>Kestrel Paper cut prices.</p>", null);

        assertThat(a.published()).isEqualTo(expected == null ? null : LocalDate.parse(expected));
    }

    @Test
    void shouldFallBackToTheFirstTimeInTheArticleTheH1AndTheHost() {
        String html = """
                <html><head><title>Home</title></head><body>
                <aside><time datetime="2019-01-01">old</time></aside>
                <article><h1>Brightwater Steel opens a mill</h1>
                <p>Posted <time datetime="2025-02-14T10:00:00+01:00">Feb. 14</time></p>
                <p>Brightwater Steel opened a mill on the coast.</p></article></body></html>
                """;

        FetchedArticle a = ArticlePage.read(html, "https://www.fjord-gazette.example/news/1");

        assertThat(a.title()).isEqualTo("Brightwater Steel opens a mill");
        assertThat(a.publisher()).isEqualTo("fjord-gazette.example");
        assertThat(a.published()).isEqualTo(LocalDate.of(2025, 2, 14));
    }

    @Test
    void shouldDropTheSiteNameFromThePageTitleOnly() {
        String named = "<title>Tidewater Mills wins appeal - Coastline Courier</title>"
                + "<meta name='publisher' content='Coastline Courier'><p>Text.</p>";
        String other = "<title>Tidewater Mills wins appeal - for now</title>"
                + "<meta name='application-name' content='Coastline Courier'><p>Text.</p>";

        assertThat(ArticlePage.read(named, null).title()).isEqualTo("Tidewater Mills wins appeal");
        assertThat(ArticlePage.read(named, null).publisher()).isEqualTo("Coastline Courier");
        assertThat(ArticlePage.read(other, null).title()).isEqualTo("Tidewater Mills wins appeal - for now");
    }

    @Test
    void shouldLeaveOutWhatThePageDoesNotSay() {
        FetchedArticle a = ArticlePage.read("<p>Just one line about Marlow Glass.</p>", null);

        assertThat(a).isEqualTo(new FetchedArticle(null, "Just one line about Marlow Glass.", null, null, null));
    }

    @Test
    void shouldFindTheMainTextWithoutAnArticleElement() {
        String html = """
                <body>
                <div id="menu"><p>Markets</p><p>Opinion</p></div>
                <div class="sidebar"><p>Subscribe for a dollar.</p></div>
                <div class="story">
                  <p>Corbett Plastics said on Wednesday it had filed a petition over resin imports.</p>
                  <div class="newsletter-signup"><p>Get our morning briefing in your inbox every day.</p></div>
                  <p>The petition names three suppliers.</p>
                  <ul><li>Supplier one ships from a northern port.</li><li>Supplier two ships by rail.</li></ul>
                  <blockquote>We priced fairly, one supplier said.</blockquote>
                  <p aria-hidden="true">Hidden teaser text.</p>
                  <div id="comments"><p>First comment!</p></div>
                  <div class="related-links"><ul><li>Another story</li></ul></div>
                  <p hidden>Also hidden.</p>
                  <p>A ruling is expected in the spring.</p>
                </div>
                </body>
                """;

        assertThat(ArticlePage.read(html, null).text()).isEqualTo("""
                Corbett Plastics said on Wednesday it had filed a petition over resin imports.

                The petition names three suppliers.

                Supplier one ships from a northern port.

                Supplier two ships by rail.

                We priced fairly, one supplier said.

                A ruling is expected in the spring.""");
    }

    @Test
    void shouldPreferTheArticleBodyAndTheLongestArticle() {
        String body = """
                <div><p>Teaser text that is not the story.</p></div>
                <div itemprop="articleBody"><p>Hollis Rail won a contract.</p><p>It starts in June.</p></div>
                """;
        String articles = """
                <article class="teaser"><p>Short teaser.</p></article>
                <article><p>Pemberton Chemicals announced a merger on Thursday.</p><p>Shareholders vote later.</p></article>
                <aside><article><p>A much longer teaser inside an aside that should never be chosen as the story.</p></article></aside>
                """;

        assertThat(ArticlePage.read(body, null).text()).isEqualTo("Hollis Rail won a contract.\n\nIt starts in June.");
        assertThat(ArticlePage.read(articles, null).text())
                .isEqualTo("Pemberton Chemicals announced a merger on Thursday.\n\nShareholders vote later.");
    }

    @Test
    void shouldTurnPastedHtmlIntoParagraphs() {
        assertThat(ArticlePage.text("<p>First <b>bold</b> paragraph.</p>\r\n<p>Second\n  paragraph.</p>"))
                .isEqualTo("First bold paragraph.\n\nSecond paragraph.");
        assertThat(ArticlePage.text("Lead line<div>One</div><div>Two<br>Three</div><ul><li>Four</li></ul>"))
                .isEqualTo("Lead line\n\nOne\n\nTwo\n\nThree\n\nFour");
        assertThat(ArticlePage.text("<span>Pasted from a <i>word processor</i></span><script>x()</script>"))
                .isEqualTo("Pasted from a word processor");
    }

    @Test
    void shouldTakeOnlyTheMainTextFromAPastedPage() {
        assertThat(ArticlePage.text(ARTICLE)).isEqualTo(ARTICLE_TEXT);
    }

    @Test
    void shouldKeepPastedPlainTextAsItIs() {
        String plain = "Line one\r\nLine two\n\n  Indented, with 3 < 4 and 5 > 2 and a <stray sign.\n";

        assertThat(ArticlePage.text(plain)).isEqualTo("Line one\nLine two\n\n  Indented, with 3 < 4 and 5 > 2 and a <stray sign.\n");
        assertThat(ArticlePage.text("")).isEmpty();
        assertThat(ArticlePage.text(null)).isEmpty();
    }

    @Test
    void shouldNeverPutScriptsOrStylesInTheText() {
        String html = "<html><head><style>p{}/*STYLE*/</style></head><body><article>"
                + "<p>Visible <script>var s = 'SCRIPT';</script>words<style>.x{}/*STYLE2*/</style></p>"
                + "<noscript><p>NOSCRIPT</p></noscript><template><p>TEMPLATE</p></template>"
                + "<script type=\"application/ld+json\">{\"headline\": \"LDJSON\"}</script>"
                + "<p>End.</p></article></body></html>";

        FetchedArticle a = ArticlePage.read(html, null);

        assertThat(a.text()).isEqualTo("Visible words\n\nEnd.");
        assertThat(ArticlePage.text(html)).isEqualTo("Visible words\n\nEnd.");
        assertThat(ArticlePage.text("<div><script>SCRIPT</script><style>STYLE</style>ok</div>")).isEqualTo("ok");
    }

    @Test
    void shouldSurviveDeeplyNestedTagsQuickly() {
        ArticlePage.read(ARTICLE, null); // warm up: the limit is for a running server, not a cold JVM
        String divs = "<div>".repeat(100_000) + "<p>Deep text about Ardent Tools.</p>";
        String mixed = divs + "<span>".repeat(50_000) + "<b>".repeat(50_000) + "<p>More.</p>";

        long start = cpuMillis();
        FetchedArticle a = ArticlePage.read(divs, null);
        long readMillis = cpuMillis() - start;
        start = cpuMillis();
        String pasted = ArticlePage.text(divs);
        long pasteMillis = cpuMillis() - start;

        assertThat(a.text()).isEqualTo("Deep text about Ardent Tools.");
        assertThat(pasted).isEqualTo("Deep text about Ardent Tools.");
        assertThat(readMillis).as("CPU milliseconds to read").isLessThan(2_000);
        assertThat(pasteMillis).as("CPU milliseconds to read pasted").isLessThan(2_000);
        assertThat(ArticlePage.read(mixed, null).text()).isEqualTo("Deep text about Ardent Tools.\n\nMore.");
        assertThat(ArticlePage.text(mixed)).isEqualTo("Deep text about Ardent Tools.\n\nMore.");
    }

    @Test
    void shouldReadTwoMegabytesOfMarkup() {
        StringBuilder html = new StringBuilder("<html><body><article>");
        while (html.length() < 2 * 1024 * 1024) {
            html.append("<div class=\"row\"><p>Paragraph about <a href=\"/q\">Granger Freight</a> and its ships.</p></div>\n");
        }
        html.append("</article></body></html>");

        long start = cpuMillis();
        FetchedArticle a = ArticlePage.read(html.toString(), "https://granger.example/");
        long millis = cpuMillis() - start;

        assertThat(a.text()).startsWith("Paragraph about Granger Freight and its ships.\n\n");
        assertThat(millis).as("CPU milliseconds to read").isLessThan(5_000);
    }

    /**
     * This thread's CPU time: unlike the clock, it does not count the time other processes on a
     * shared machine take.
     */
    private static long cpuMillis() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
    }

    @Test
    void shouldIgnoreBrokenJsonLdAndClipHugeValues() {
        String huge = "Very long title ".repeat(70_000);
        String html = "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": </script>"
                + "<script type=\"application/ld+json\">" + "[".repeat(5_000) + "</script>"
                + "<meta property=\"og:title\" content=\"" + huge + "\">"
                + "<meta name=\"pubdate\" content=\"2025-06-01\">"
                + "<div class=\"" + "x".repeat(1_000_000) + "\"><p>Body of the Sorrel Mining story.</p></div>";

        FetchedArticle a = ArticlePage.read(html, "https://sorrel.example/");

        assertThat(a.published()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(a.title()).startsWith("Very long title").hasSizeLessThanOrEqualTo(ArticlePage.MAX_NAME);
        assertThat(a.text()).isEqualTo("Body of the Sorrel Mining story.");
    }

    @Test
    void shouldNeverThrowOnOddInput() {
        assertThatCode(() -> {
            ArticlePage.read(null, null);
            ArticlePage.read("", "not a url");
            ArticlePage.read("<", "http://[broken/");
            ArticlePage.read("\u0000\uFFFF<p>\uD800</p>", null);
            ArticlePage.read("<html><head><meta name=date content=2025-13-45>", null);
            ArticlePage.text("<p");
            ArticlePage.text("<br>");
            ArticlePage.text("<p>" + "<b>".repeat(20_000));
        }).doesNotThrowAnyException();
        assertThat(ArticlePage.read(null, null).text()).isEmpty();
    }
}
