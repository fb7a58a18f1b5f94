package org.tradeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tradeline.account.Account;
import org.tradeline.account.AccountService;
import org.tradeline.account.Browserless;
import org.tradeline.account.Role;
import org.tradeline.editor.EditorService;
import org.tradeline.event.EventInput;
import org.tradeline.timeline.Timeline;
import org.tradeline.timeline.TimelineInput;

/**
 * Issue 12, part 2: no request body gets a 5xx. Every POST and PUT route (the editors' forms, signed
 * in with a valid CSRF token, and the JSON write API with a token or Basic credentials) is sent thousands of
 * malformed bodies from a seeded generator ({@link Mutations}): random bytes, and valid bodies cut
 * short, with bytes flipped, with cut-off percent escapes, quotes and NULs inserted, with wrong
 * content types and broken multipart boundaries. Every answer is below 500, shows no stack trace or
 * class name, and is an HTML page for pages and problem+json for /api; every refused one (4xx)
 * changes nothing stored. A mutation that is still a valid request may be accepted: it writes only to
 * this test's own timeline and accounts, and every other row is exactly as before at the end.
 *
 * <p>{@code ./mvnw verify} runs a fixed seed and count; {@code bench/fuzz.sh COUNT SEED} runs others
 * (system properties {@code fuzz.count} and {@code fuzz.seed}).
 */
@QuarkusTest
class MalformedBodiesTest {

    static final long SEED = Long.getLong("fuzz.seed", 20_261_201L);
    static final int COUNT = Integer.getInteger("fuzz.count", 2000);
    static final String ADMIN = "fuzz-admin";
    static final String ADMIN_PASSWORD = "fuzz-admin-password";
    static final String VICTIM = "fuzz-victim";
    static final String TARGET = "fuzz-target";
    static final String EVENT = "fuzz-event";
    static final String BOUNDARY = "fuzz-boundary-4c2d9e";
    static final String FORM = "application/x-www-form-urlencoded";
    static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;
    static final String JSON = "application/json";

    /**
     * One POST or PUT route: its template, a concrete address, and a valid body ({{csrf}},
     * {{version}}, {{event-version}} filled in when sent). {@code weight} is its share of the
     * requests: low where a valid request costs a bcrypt (sign-in, passwords, new accounts).
     */
    record Target(String method, String route, String path, String contentType, String body, int weight) {

        boolean api() {
            return path.startsWith("/api/");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    EditorService editors;

    Browserless session;
    long adminId;
    long victimId;
    /** The API's credentials: a personal token (Basic costs a bcrypt a request, so only every tenth API request uses it). */
    String apiToken;
    long revocableToken;

    @BeforeEach
    void fixtures() {
        adminId = account(ADMIN, ADMIN_PASSWORD, Role.ADMIN);
        victimId = account(VICTIM, "fuzz-victim-password", Role.EDITOR);
        apiToken = accounts.createToken(adminId, "Fuzz test API");
        accounts.createToken(adminId, "Revoked by the fuzz test");
        revocableToken = accounts.tokens(adminId).stream().filter(t -> t.isActive() && t.name.equals("Revoked by the fuzz test"))
                .findFirst().orElseThrow().id;
        if (QuarkusTransaction.requiringNew().call(() -> Timeline.findBySlug(TARGET).isEmpty())) {
            editors.createTimeline(new TimelineInput(TARGET, "Fuzz target", "Malformed bodies aim here.", "draft",
                    List.of(new TimelineInput.ActorInput("acme", "Acme"), new TimelineInput.ActorInput("gov", "Government")),
                    null, null), ADMIN);
        }
        ensureEvent();
        session = Browserless.signIn(ADMIN, ADMIN_PASSWORD);
        session.get("/editor/timelines/" + TARGET + "/events/new");
    }

    long account(String name, String password, Role role) {
        return QuarkusTransaction.requiringNew().call(() -> Account.<Account>find("username", name).firstResultOptional()
                .map(a -> a.id).orElseGet(() -> accounts.create(name, password, role).id));
    }

    /** The event the edit and delete routes aim at; made again when a valid mutation deleted it. */
    void ensureEvent() {
        if (QuarkusTransaction.requiringNew().call(() -> Timeline.findBySlug(TARGET).flatMap(t -> t.event(EVENT)).isEmpty())) {
            editors.createEvent(TARGET, new EventInput(EVENT, "2025-01-03", "day", null, "The fuzzed event", "Its text.",
                    "deal", List.of(), List.of(new EventInput.SourceInput("A source", "Wire", null, null)), "major", "draft",
                    null, null), ADMIN);
        }
    }

    // --- the routes and their valid bodies -----------------------------------------------------

    static final String EVENT_FORM = "_csrf={{csrf}}&headline=A+fuzzed+event+%E2%80%94+caf%C3%A9&date=2025-01-03&precision=day"
            + "&endDate=&category=deal&actors=acme&actors=gov&body=Some+**Markdown**+and+a+%5Blink%5D(https%3A%2F%2Fexample.org)"
            + "&source-title-0=A+source&source-publisher-0=Wire&source-date-0=2025-01-03&source-url-0=https%3A%2F%2Fexample.org%2Fa"
            + "&importance=major&status=draft&updateNote=A+note";
    static final String TIMELINE_FORM = "_csrf={{csrf}}&slug={{slug}}&title=A+fuzzed+timeline&summary=Made+by+the+fuzz+test.&status=draft"
            + "&actor-id-0=acme&actor-name-0=Acme&actor-id-1=gov&actor-name-1=Government+%C3%A9&updateNote=";
    static final String EVENT_JSON = "{\"id\": {{id}}, \"date\": \"2025-01-03\", \"precision\": \"day\", \"endDate\": null, "
            + "\"headline\": \"A fuzzed event \\u2014 caf\u00e9\", \"body\": \"Some **Markdown**.\", \"category\": \"deal\", "
            + "\"actors\": [\"acme\"], \"sources\": [{\"title\": \"A source\", \"publisher\": \"Wire\", \"date\": \"2025-01-03\", "
            + "\"url\": \"https://example.org/a\"}], \"importance\": \"minor\", \"status\": \"draft\", \"updateNote\": \"Note\"}";
    static final String TIMELINE_JSON = "{\"slug\": \"{{slug}}\", \"title\": \"A fuzzed timeline\", \"summary\": \"Made by the fuzz test.\", "
            + "\"status\": \"draft\", \"actors\": [{\"id\": \"acme\", \"name\": \"Acme\"}, {\"id\": \"gov\", \"name\": \"Government\"}]}";
    static final String EXTRACT_TEXT = "Acme+sued+the+agency+on+Monday%2C+caf%C3%A9+owners+said.+A+ruling+is+due+by+June+18.";
    static final String EXTRACT_JSON = "{\"text\": \"Acme sued the agency on Monday, caf\u00e9 owners said. A ruling is due by June 18.\", "
            + "\"published\": \"2025-01-07\", \"title\": \"A title\", \"publisher\": \"Wire\"}";
    static final String CSV = "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,"
            + "Media Credit,Media Caption,Media Thumbnail,Alt Text,Type,Group,Background\r\n"
            + "2024,3,4,,,,,,,\"A \"\"quoted\"\" headline\",\"<p>Text, with a comma</p>\",https://example.org/csv,Wire,,,,,Deal,\r\n"
            + "2024,5,,,2024,6,,,,A span,<p>More</p>,,,,,,,,\r\n";

    List<Target> targets() {
        String e = "/editor/timelines/" + TARGET;
        String api = "/api/timelines/" + TARGET;
        return List.of(
                new Target("POST", "/editor/timelines/new", "/editor/timelines/new", FORM, TIMELINE_FORM.replace("{{slug}}", "fuzz-new"), 10),
                new Target("POST", "/editor/timelines/{slug}/edit", e + "/edit", FORM,
                        TIMELINE_FORM.replace("{{slug}}", TARGET) + "&version={{version}}", 10),
                new Target("POST", "/editor/timelines/{slug}/events/new", e + "/events/new", FORM, EVENT_FORM, 12),
                new Target("POST", "/editor/timelines/{slug}/events/{id}/edit", e + "/events/" + EVENT + "/edit", FORM,
                        EVENT_FORM + "&id=" + EVENT + "&version={{event-version}}", 12),
                new Target("POST", "/editor/timelines/{slug}/events/{id}/delete", e + "/events/" + EVENT + "/delete", FORM,
                        "_csrf={{csrf}}&version={{event-version}}&updateNote=Gone", 4),
                new Target("POST", "/editor/timelines/{slug}/import", e + "/import", MULTIPART,
                        multipart("_csrf", "{{csrf}}", "csv", CSV, "status", "draft", "action", "preview"), 6),
                new Target("POST", "/editor/timelines/{slug}/import", e + "/import", MULTIPART,
                        multipart("_csrf", "{{csrf}}", "file", CSV, "action", "import"), 6),
                new Target("POST", "/editor/account/password", "/editor/account/password", FORM,
                        "_csrf={{csrf}}&currentPassword=not-the-password&newPassword=a-new-long-password-1"
                                + "&confirmPassword=a-new-long-password-1", 1),
                new Target("POST", "/editor/account/tokens", "/editor/account/tokens", FORM, "_csrf={{csrf}}&name=Fuzz+token", 3),
                new Target("POST", "/editor/account/tokens/{id}/revoke", "/editor/account/tokens/" + revocableToken + "/revoke", FORM,
                        "_csrf={{csrf}}", 3),
                new Target("POST", "/editor/users", "/editor/users", FORM, "_csrf={{csrf}}&username=fuzz-user&role=editor", 2),
                new Target("POST", "/editor/users/{id}/disable", "/editor/users/" + victimId + "/disable", FORM, "_csrf={{csrf}}", 3),
                new Target("POST", "/editor/users/{id}/enable", "/editor/users/" + victimId + "/enable", FORM, "_csrf={{csrf}}", 3),
                new Target("POST", "/editor/users/{id}/reset", "/editor/users/" + victimId + "/reset", FORM, "_csrf={{csrf}}", 1),
                new Target("POST", "/login", "/login", FORM,
                        "_csrf={{csrf}}&username=fuzz-nobody&password=not-a-password&next=%2Feditor", 1),
                new Target("POST", "/logout", "/logout", FORM, "_csrf={{csrf}}", 3),
                new Target("POST", "/api/timelines", "/api/timelines", JSON, TIMELINE_JSON.replace("{{slug}}", "fuzz-api"), 10),
                new Target("PUT", "/api/timelines/{slug}", api, JSON, TIMELINE_JSON.replace("{{slug}}", TARGET), 10),
                new Target("POST", "/api/timelines/{slug}/events", api + "/events", JSON, EVENT_JSON.replace("{{id}}", "null"), 12),
                new Target("PUT", "/api/timelines/{slug}/events/{id}", api + "/events/" + EVENT, JSON,
                        EVENT_JSON.replace("{{id}}", "\"" + EVENT + "\""), 12),
                new Target("POST", "/api/timelines/{slug}/extract", api + "/extract", JSON, EXTRACT_JSON, 6),
                new Target("POST", "/editor/timelines/{slug}/extract", e + "/extract", FORM,
                        "_csrf={{csrf}}&action=find&published=2025-01-07&title=A+title&text=" + EXTRACT_TEXT, 6),
                new Target("POST", "/editor/timelines/{slug}/extract/drafts", e + "/extract/drafts", FORM,
                        "_csrf={{csrf}}&title=A+title&publisher=Wire&published=2025-01-07&count=1&c0-pick=yes"
                                + "&c0-headline=Acme+sued&c0-date=2025-01-06&c0-precision=day&c0-category=litigation"
                                + "&c0-actors=acme&c0-quote=Acme+sued+on+Monday.&c0-expression=on+Monday", 6));
    }

    /** A multipart/form-data body of name, value pairs; the part named "file" is a CSV file upload. */
    static String multipart(String... nameValue) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < nameValue.length; i += 2) {
            boolean file = nameValue[i].equals("file");
            b.append("--").append(BOUNDARY).append("\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(nameValue[i]).append('"')
                    .append(file ? "; filename=\"events.csv\"\r\nContent-Type: text/csv" : "").append("\r\n\r\n")
                    .append(nameValue[i + 1]).append("\r\n");
        }
        return b.append("--").append(BOUNDARY).append("--\r\n").toString();
    }

    // --- the tests -----------------------------------------------------------------------------------

    @Test
    void shouldAnswer400ForACutOffPercentEscapeOnEveryForm() {
        List<Object> before = DatabaseDump.fingerprint(em);
        for (Target t : targets()) {
            if (t.contentType().equals(FORM)) {
                RawHttp.Answer a = send(t, Mutations.bytes("_csrf=" + session.csrf() + "&headline=%E0%A4%A&date=%%"), FORM, false);
                assertThat(a.status()).as(t.path() + "\n" + a.all()).isEqualTo(400);
                assertThat(a.header("Content-Type")).as(t.path()).startsWith("text/html");
            }
        }
        assertThat(DatabaseDump.fingerprint(em)).isEqualTo(before);
    }

    @Test
    void shouldFuzzEveryPostAndPutRoute() {
        List<String> fuzzed = targets().stream().map(t -> t.method() + " " + t.route()).distinct().toList();
        List<String> served = JaxRsRoutes.all().stream().filter(r -> r.method().equals("POST") || r.method().equals("PUT"))
                .map(JaxRsRoutes.Route::toString).toList();
        assertThat(fuzzed).as("every POST and PUT route the app serves has a valid body here to mutate")
                .containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void shouldNeverAnswer5xxNorChangeAnythingForMalformedBodies() {
        Map<String, List<String>> before = DatabaseDump.dump(em);
        List<Target> targets = targets();
        List<Target> weighted = targets.stream().flatMap(t -> java.util.Collections.nCopies(t.weight(), t).stream()).toList();
        Mutations mutations = new Mutations(SEED);
        java.util.SplittableRandom pick = new java.util.SplittableRandom(SEED ^ 0x5DEECE66DL);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> accepted = new TreeMap<>();
        List<Object> fingerprint = DatabaseDump.fingerprint(em);
        int[] versions = versions();
        long started = System.nanoTime();
        long checks = 0;
        for (int n = 0; n < COUNT && failures.size() < 20; n++) {
            Target t = weighted.get(pick.nextInt(weighted.size()));
            byte[] body = mutations.body(Mutations.bytes(fill(t.body(), versions)));
            String type = mutations.contentType(t.contentType());
            RawHttp.Answer a = send(t, body, type, n % 10 == 0);
            statuses.merge(a.status(), 1, Integer::sum);
            List<String> problems = new ArrayList<>(problems(t, body, a));
            if (a.status() >= 400) {
                long checking = System.nanoTime();
                List<Object> now = DatabaseDump.fingerprint(em);
                checks += System.nanoTime() - checking;
                if (!now.equals(fingerprint)) {
                    problems.add("a refused request changed the database: " + fingerprint + " -> " + now);
                    fingerprint = now;
                }
            }
            if (!problems.isEmpty()) {
                failures.add(problems + " (request " + n + " of seed " + SEED + ": " + t.method() + " " + t.path()
                        + ", Content-Type: " + type + "\n" + abbreviate(new String(body, StandardCharsets.ISO_8859_1))
                        + "\n-> " + abbreviate(a.all()) + "\nwhole request in " + keep(n, t, type, body) + ")");
            }
            if (a.status() >= 200 && a.status() < 400) {
                accepted.merge(t.method() + " " + t.route(), 1, Integer::sum);
                ensureEvent();
                fingerprint = DatabaseDump.fingerprint(em);
                versions = versions();
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Fuzzed %d bodies (seed %d) in %d ms (%d ms of it checking the database): statuses %s; "
                + "accepted as still valid %s%n", statuses.values().stream().mapToInt(Integer::intValue).sum(), SEED, millis,
                checks / 1_000_000, statuses, accepted);
        assertThat(failures).as("seed " + SEED).isEmpty();
        assertOnlyOwnRowsChanged(before, DatabaseDump.dump(em));
    }

    // --- one request ---------------------------------------------------------------------------------

    RawHttp.Answer send(Target t, byte[] body, String contentType, boolean basic) {
        StringBuilder head = new StringBuilder(t.method()).append(' ').append(t.path()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("Content-Length: ").append(body.length).append("\r\n");
        if (t.api()) {
            head.append("Authorization: ").append(basic ? "Basic " + Base64.getEncoder().encodeToString(
                    (ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)) : "Bearer " + apiToken).append("\r\n");
            if (t.method().equals("PUT")) {
                head.append("If-Match: *\r\n");
            }
        } else {
            head.append("Cookie: ").append(session.cookies().entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; "))).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return RawHttp.exchange(base.getHost(), base.getPort(), head.toString().getBytes(StandardCharsets.ISO_8859_1), body, null);
    }

    /** What is wrong with an answer, if anything. */
    static List<String> problems(Target t, byte[] body, RawHttp.Answer a) {
        List<String> problems = new ArrayList<>();
        if (a.status() == RawHttp.CLOSED) {
            problems.add("closed without an answer");
            return problems;
        }
        if (a.status() >= 500) {
            problems.add("a " + a.status());
        }
        if (HostileInputTest.STACK.matcher(a.text()).find()) {
            problems.add("a stack trace");
        }
        String sent = new String(body, StandardCharsets.UTF_8);
        Matcher m = HostileInputTest.CLASS_NAME.matcher(a.text());
        while (m.find()) {
            if (!sent.contains(m.group())) {
                problems.add("a class name: " + m.group());
            }
        }
        String type = String.valueOf(a.header("Content-Type"));
        if (a.status() >= 400 && a.body().length > 0 && !type.startsWith(t.api() ? Problem.MEDIA_TYPE : "text/html")) {
            problems.add("a " + a.status() + " as " + type);
        }
        return problems;
    }

    String fill(String body, int[] versions) {
        return body.replace("{{csrf}}", session.csrf()).replace("{{version}}", String.valueOf(versions[0]))
                .replace("{{event-version}}", String.valueOf(versions[1]));
    }

    /** The current versions of the target timeline and its event, for bodies that must carry them. */
    int[] versions() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Timeline t = Timeline.findBySlug(TARGET).orElseThrow();
            return new int[] {t.version, t.event(EVENT).map(e -> e.version).orElse(0)};
        });
    }

    /** Writes a failing request's target, Content-Type and body to a file, to replay it. */
    static java.nio.file.Path keep(int n, Target t, String type, byte[] body) {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "fuzz"));
            java.nio.file.Path file = dir.resolve("seed-" + SEED + "-request-" + n + ".txt");
            java.nio.file.Files.write(file, concat(Mutations.bytes(t.method() + " " + t.path() + "\nContent-Type: " + type + "\n\n"),
                    body));
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    static String abbreviate(String s) {
        return s.length() <= 600 ? s : s.substring(0, 600) + "…";
    }

    // --- the database afterwards ---------------------------------------------------------------------

    /** Rows that belong to no fixture of this test are exactly as they were; valid mutations may only have added others. */
    void assertOnlyOwnRowsChanged(Map<String, List<String>> before, Map<String, List<String>> after) {
        Set<String> timeline = Set.of(String.valueOf(DatabaseDump.timelineId(TARGET)));
        Set<String> own = Set.of(String.valueOf(adminId), String.valueOf(victimId));
        Map<String, Map.Entry<String, Set<String>>> owner = Map.of(
                "timeline", Map.entry("id", timeline), "actor", Map.entry("timeline_id", timeline),
                "event", Map.entry("timeline_id", timeline), "revision", Map.entry("timeline_id", timeline),
                "account", Map.entry("id", own), "api_token", Map.entry("account_id", own));
        owner.forEach((table, column) -> {
            List<String> others = DatabaseDump.rowsWhere(em, before, table, column.getKey(), v -> !column.getValue().contains(v));
            assertThat(after.get(table)).as(table + " rows that are not this test's").containsAll(others);
        });
    }
}
