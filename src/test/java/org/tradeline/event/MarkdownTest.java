package org.tradeline.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void shouldEscapeRawHtml() {
        String html = Markdown.toHtml("Hello <script>alert(1)</script> <b>bold</b>");
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void shouldKeepWebLinksAndDropOthers() {
        assertThat(Markdown.toHtml("[ok](https://example.org/a)")).contains("href=\"https://example.org/a\"");
        assertThat(Markdown.toHtml("[bad](javascript:alert(1))")).doesNotContain("javascript:");
        assertThat(Markdown.toHtml("[bad](data:text/html,x)")).doesNotContain("data:");
        assertThat(Markdown.links("a [x](https://a.example) b [y](javascript:1)"))
                .containsExactly("https://a.example", "javascript:1");
    }

    @Test
    void shouldTellWebUrlsFromOthers() {
        assertThat(Markdown.isWebUrl("https://example.org/x?y=1")).isTrue();
        assertThat(Markdown.isWebUrl("http://example.org")).isTrue();
        assertThat(Markdown.isWebUrl("javascript:alert(1)")).isFalse();
        assertThat(Markdown.isWebUrl("data:text/html;base64,AAAA")).isFalse();
        assertThat(Markdown.isWebUrl("/relative")).isFalse();
        assertThat(Markdown.isWebUrl("https://")).isFalse();
    }
}
