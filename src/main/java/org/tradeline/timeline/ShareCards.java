package org.tradeline.timeline;

import org.tradeline.web.Links;
import org.tradeline.web.PageMeta;

/** Where a page's share image is and what it shows, for the page's head (og:image and its alt text). */
final class ShareCards {

    static final String PNG = "image/png";

    private ShareCards() {
    }

    static PageMeta.Image timeline(TimelineSnapshot t, String base) {
        String alt = t.title() + ": " + t.eventCount() + (t.eventCount() == 1 ? " event" : " events") + " on a timeline";
        return new PageMeta.Image(base + Links.timelinePath(t.slug()) + "/card.png", ShareCard.WIDTH, ShareCard.HEIGHT, alt);
    }

    static PageMeta.Image event(TimelineSnapshot t, TimelineSnapshot.EventView e, String base) {
        return new PageMeta.Image(base + Links.eventPath(t.slug(), e.id()) + "/card.png", ShareCard.WIDTH, ShareCard.HEIGHT,
                e.displayDate().text() + ": " + e.headline());
    }
}
