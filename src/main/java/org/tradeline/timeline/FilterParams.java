package org.tradeline.timeline;

import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;
import org.tradeline.event.EventFilter;
import org.tradeline.web.Page;

/** The query parameters shared by the timeline page, its embed and the events API. */
public class FilterParams {

    @RestQuery
    List<String> category;
    @RestQuery
    List<String> actor;
    @RestQuery
    String from;
    @RestQuery
    String to;
    @RestQuery
    String q;
    @RestQuery
    String page;
    @RestQuery
    String size;
    /** Key events only (pages and embeds): true or false. */
    @RestQuery
    String key;

    public EventFilter filter(TimelineSnapshot timeline) {
        return EventFilter.parse(category, actor, from, to, q, timeline::hasActor);
    }

    /** Whether {@code key=true} asks for key events only; a value other than true/false/1/0 is a 400. */
    public boolean keyOnly() {
        if (key == null || key.isBlank() || key.equals("0") || key.equals("false")) {
            return false;
        }
        if (key.equals("1") || key.equals("true")) {
            return true;
        }
        throw new org.tradeline.web.InvalidParameterException("key", "key must be true or false.");
    }

    int page(int max) {
        return Page.parameter("page", page, 1, max);
    }

    int size(int defaultSize, int max) {
        return Page.parameter("size", size, defaultSize, max);
    }
}
