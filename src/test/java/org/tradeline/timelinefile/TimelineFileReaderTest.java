package org.tradeline.timelinefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimelineFileReaderTest {

    @Test
    void shouldReadFilesLargerThanSnakeYamlsDefaultLimit() throws Exception {
        StringBuilder yaml = new StringBuilder("slug: big\ntitle: Big\nactors: []\nevents:\n");
        String body = "A paragraph of ordinary length about a trade measure and what followed it. ".repeat(12);
        int events = 0;
        while (yaml.length() < 4 * 1024 * 1024) {
            yaml.append("  - id: event-").append(events).append("\n    date: 2024-01-02\n    headline: Event ")
                    .append(events).append("\n    category: deal\n    body: ").append(body)
                    .append("\n    sources:\n      - publisher: Wire\n        title: Source\n");
            events++;
        }
        ParsedTimeline parsed = TimelineFileReader.read("big.yaml", yaml.toString());
        assertThat(parsed.events()).hasSize(events);
    }
}
