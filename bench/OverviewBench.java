// The overview of a served timeline, drawn in this JVM by the application's own code and timed.
// Run by bench/visual.sh: java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*' bench/OverviewBench.java URL
// URL is a timeline's JSON (/api/timelines/{slug}): the events are the ones the server draws.
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tradeline.config.Coded;
import org.tradeline.event.Category;
import org.tradeline.event.DisplayDate;
import org.tradeline.event.Importance;
import org.tradeline.event.Precision;
import org.tradeline.visual.Overview;
import org.tradeline.timeline.TimelineSnapshot.EventView;

public class OverviewBench {

    public static void main(String[] args) throws Exception {
        String json = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(args[0])).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        JsonNode timeline = new ObjectMapper().readTree(json);
        List<EventView> events = new ArrayList<>();
        for (JsonNode e : timeline.path("events")) {
            LocalDate date = LocalDate.parse(e.path("date").asText());
            LocalDate end = e.path("endDate").isTextual() ? LocalDate.parse(e.path("endDate").asText()) : null;
            Precision precision = Coded.byCode(Precision.class, e.path("precision").asText()).orElseThrow();
            String headline = e.path("headline").asText();
            events.add(new EventView(e.path("id").asText(), date, end, precision, DisplayDate.of(date, end, precision), headline, "", "",
                    "", Coded.byCode(Category.class, e.path("category").asText()).orElseThrow(),
                    Coded.byCode(Importance.class, e.path("importance").asText()).orElseThrow(), List.of(), List.of(), Instant.EPOCH, 1,
                    headline.toLowerCase()));
        }
        // CPU time of this thread: the machine is shared, and the wall clock also counts the wait for a core.
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int runs = 21;
        long[] took = new long[runs];
        long[] wall = new long[runs];
        int bytes = 0;
        for (int run = 0; run < runs; run++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            String svg = Overview.svg(events, e -> true, (e, shown) -> "#" + e.id(), false);
            wall[run] = System.nanoTime() - t0;
            took[run] = cpu.getCurrentThreadCpuTime() - c0;
            bytes = svg.getBytes(StandardCharsets.UTF_8).length;
        }
        long first = took[0];
        long firstWall = wall[0];
        Arrays.sort(took);
        Arrays.sort(wall);
        System.out.printf("%d %d %.1f %.1f %.1f %.1f%n", events.size(), bytes, first / 1e6, firstWall / 1e6, took[runs / 2] / 1e6,
                wall[runs / 2] / 1e6);
    }
}
