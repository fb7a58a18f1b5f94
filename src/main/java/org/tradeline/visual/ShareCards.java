package org.tradeline.visual;

import org.tradeline.timeline.TimelineSnapshot;
import org.tradeline.web.Links;
import org.tradeline.web.PageMeta;

/** Where a page's share image is and what it shows, for the page's head (og:image and its alt text). */
public final class ShareCards {

    public static final String PNG = "image/png";

    private ShareCards() {
    }

    public static PageMeta.Image timeline(TimelineSnapshot t, String base) {
        String alt = t.title() + ": " + t.eventCount() + (t.eventCount() == 1 ? " event" : " events") + " on a timeline";
        return new PageMeta.Image(base + Links.timelinePath(t.slug()) + "/card.png", ShareCard.WIDTH, ShareCard.HEIGHT, alt);
    }

    public static PageMeta.Image event(TimelineSnapshot t, TimelineSnapshot.EventView e, String base) {
        return new PageMeta.Image(base + Links.eventPath(t.slug(), e.id()) + "/card.png", ShareCard.WIDTH, ShareCard.HEIGHT,
                e.displayDate().text() + ": " + e.headline());
    }
}
