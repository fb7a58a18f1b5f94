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

    public EventFilter filter(TimelineSnapshot timeline) {
        return EventFilter.parse(category, actor, from, to, q, timeline::hasActor);
    }

    int page(int max) {
        return Page.parameter("page", page, 1, max);
    }

    int size(int defaultSize, int max) {
        return Page.parameter("size", size, defaultSize, max);
    }
}
