package org.tradeline.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.tradeline.cache.Fragments;
import org.tradeline.cache.PublicCache;
import org.tradeline.cache.Representation;
import org.tradeline.timeline.TimelineSnapshot.EventView;

/**
 * The full JSON of a timeline ({@code GET /api/timelines/{slug}}), assembled from each event's JSON
 * fragment. A fragment is serialised once per event version and kept while the event is unchanged
 * (the snapshot hands out the same {@link EventView} until the event, or an actor it names,
 * changes), so after a write to one event of a 2,000-event timeline the body is rebuilt from one
 * new fragment and 1,999 kept ones, copying one run of about 30 fragments and hashing none of the
 * kept ones (see {@link Fragments}). The bytes are the ones Jackson writes for the whole {@code TimelineDetail}.
 *
 * <p>Above {@link #LIMIT} events the body is the streamed, file-backed export as before, so the
 * fragments of very long timelines never sit in memory.
 */
@ApplicationScoped
public class TimelineJsonBody {

    static final int LIMIT = 5_000;
    /**
     * Bytes kept at most, fragments (on the heap) and the runs last sent (off it), over all timelines
     * and site addresses; the least recently used go first.
     */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    private static final String MEDIA_TYPE = "application/json;charset=UTF-8";
    private static final byte[] EVENTS = "\"events\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] COMMA = {','};

    /** An event's fragment, valid for exactly that view of the event. */
    private record Fragment(EventView view, Fragments.Piece piece) {
    }

    /** An address's fragments and the runs its last body was sent from; {@code bytes} counts both. */
    private record Kept(Map<String, Fragment> fragments, Fragments.Runs runs, long bytes) {
    }

    /** By site base and slug: links in the fragments depend on both. */
    private final LinkedHashMap<String, Kept> kept = new LinkedHashMap<>(16, 0.75f, true);
    private long keptBytes;
    private final LongAdder rendered = new LongAdder();

    private final ObjectMapper json;
    private final PublicCache cache;

    TimelineJsonBody(ObjectMapper json, PublicCache cache) {
        this.json = json;
        this.cache = cache;
    }

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        FunctionCounter.builder("tradeline.fragments.rendered", rendered, LongAdder::sum)
                .description("Event JSON fragments serialised; each event version is serialised once and reused")
                .register(registry);
    }

    /** The answer to {@code GET /api/timelines/{slug}} (cached per revision by the public cache). */
    Response respond(Request request, TimelineSnapshot t, String base) {
        if (t.eventCount() > LIMIT) {
            return cache.exportJson(request, t, t.eventCount(), t.updatedAt(), () -> TimelineJson.detail(t, base));
        }
        return cache.representation(request, t, () -> assemble(t, base));
    }

    /** The representation a GET of the timeline's address is answered with now (for If-Match). */
    Representation current(TimelineSnapshot t, String base) {
        if (t.eventCount() > LIMIT) {
            return cache.exportJsonAtThisAddress(t, t.eventCount(), t.updatedAt(), () -> TimelineJson.detail(t, base));
        }
        return cache.representationAtThisAddress(t, () -> assemble(t, base));
    }

    Representation assemble(TimelineSnapshot t, String base) {
        String key = base + ' ' + t.slug();
        Kept before;
        synchronized (kept) {
            before = kept.get(key);
        }
        Map<String, Fragment> now = new HashMap<>(t.events().size() * 2);
        List<Fragments.Piece> pieces = new ArrayList<>(t.events().size());
        long bytes = 0;
        for (EventView e : t.events()) {
            Fragment f = before == null ? null : before.fragments().get(e.id());
            if (f == null || f.view() != e && !f.view().equals(e)) {
                f = new Fragment(e, Fragments.Piece.of(bytes(TimelineJson.event(t.slug(), e, base))));
                rendered.increment();
            }
            now.put(e.id(), f);
            pieces.add(f.piece());
            bytes += f.piece().length();
        }
        byte[] whole = bytes(TimelineJson.detail(t, base, List.of()));
        int at = indexOf(whole, EVENTS) + EVENTS.length; // "events":[ cannot occur inside a JSON string (its quotes would be escaped)
        Fragments.Joined joined = Fragments.join(Arrays.copyOf(whole, at), pieces, COMMA,
                Arrays.copyOfRange(whole, at, whole.length), MEDIA_TYPE, t.updatedAt(),
                before == null ? Fragments.Runs.NONE : before.runs());
        keep(key, new Kept(now, joined.runs(), bytes + joined.runs().bytes()));
        return joined.representation();
    }

    private void keep(String key, Kept k) {
        synchronized (kept) {
            Kept old = kept.put(key, k);
            keptBytes += k.bytes() - (old == null ? 0 : old.bytes());
            var oldest = kept.entrySet().iterator();
            while (keptBytes > MAX_BYTES && oldest.hasNext()) {
                var e = oldest.next();
                if (e.getValue() != k) {
                    keptBytes -= e.getValue().bytes();
                    oldest.remove();
                }
            }
        }
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(byte[] in, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= in.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("no events field");
    }
}
