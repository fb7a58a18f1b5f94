package org.tradeline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tradeline.account.Account;
import org.tradeline.account.AccountService;
import org.tradeline.account.Browserless;
import org.tradeline.account.Csrf;
import org.tradeline.account.Role;
import org.tradeline.account.TradelineAuthentication;
import org.tradeline.editor.EditorService;
import org.tradeline.event.EventInput;
import org.tradeline.timeline.TimelineInput;

/**
 * Issue 6, item 4: the hostile-input corpus ({@code src/test/resources/hostile/corpus.tsv}, one
 * request a line) sent over a raw socket to every public, editor and API route. Every answer is a
 * 4xx (never a 5xx, never a stack trace or a Java class name), and the requests that are refused
 * leave every table of the database exactly as it was. The few that are legitimately accepted
 * (script and template syntax in every text field, stored as typed) write only to timelines the
 * corpus creates and to the draft fixture, and every page that shows them is checked for live script.
 */
@QuarkusTest
class HostileInputTest {

    static final String ADMIN = "hostile-admin";
    static final String ADMIN_PASSWORD = "hostile-admin-password";
    static final String EDITOR = "hostile-editor";
    static final String EDITOR_PASSWORD = "hostile-editor-password";
    /** The timelines the accepted group writes to (and whose pages are checked for live script). */
    static final List<String> ACCEPTED_TIMELINES = List.of("hostile-xss", "hostile-xss-form", "draft-fixture");
    /** A class or package name of ours or of the stack; an answer must never show one the request did not send. */
    static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:java|javax|jakarta|sun|org\\.(?:tradeline|hibernate|jboss|h2|thymeleaf|yaml|postgresql)|io\\.(?:quarkus|vertx|netty|smallrye)|com\\.fasterxml)\\.[A-Za-z0-9_.$]+");
    static final Pattern STACK = Pattern.compile("(?m)^\\s*at [\\w$.]+\\(|\\.java:\\d+\\)|Exception:|\\bException\\b|Caused by");
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    @Inject
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    EditorService editorService;

    private final Map<String, Browserless> sessions = new LinkedHashMap<>();
    private String token;
    private long adminId;
    private Map<String, List<String>> before;

    @TestFactory
    Stream<DynamicNode> hostileRequests() {
        List<HostileCorpus.Case> corpus = HostileCorpus.load("/hostile/corpus.tsv");
        assertThat(corpus).as("the corpus holds at least 200 requests").hasSizeGreaterThanOrEqualTo(200);
        fixtures();
        before = dump();
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(DynamicContainer.dynamicContainer("refused or read-only (" + corpus.stream().filter(c -> !c.group().equals("accepted")).count()
                + " requests)", corpus.stream().filter(c -> !c.group().equals("accepted")).map(this::test)));
        nodes.add(DynamicTest.dynamicTest("the database is unchanged after the refused and read-only requests",
                () -> assertSameDatabase(before, dump())));
        nodes.add(DynamicContainer.dynamicContainer("accepted, stored as typed (" + corpus.stream().filter(c -> c.group().equals("accepted")).count()
                + " requests)", corpus.stream().filter(c -> c.group().equals("accepted")).map(this::test)));
        nodes.add(DynamicTest.dynamicTest("accepted writes touched only the fixture timelines", this::onlyFixturesChanged));
        nodes.add(DynamicContainer.dynamicContainer("no live script on the pages that show accepted input",
                Stream.of(1).flatMap(x -> pagesToCheck().stream()).map(p -> DynamicTest.dynamicTest(p, () -> checkPage(p)))));
        return nodes.stream();
    }

    // --- fixtures ---------------------------------------------------------------------------

    /** Accounts, a token, a target timeline with one event, and signed-in sessions: all made before the snapshot. */
    void fixtures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        adminId = account(ADMIN, ADMIN_PASSWORD, Role.ADMIN);
        account(EDITOR, EDITOR_PASSWORD, Role.EDITOR);
        token = accounts.createToken(adminId, "hostile corpus");
        if (QuarkusTransaction.requiringNew().call(() -> org.tradeline.timeline.Timeline.count("slug", "hostile-target")) == 0) {
            editorService.createTimeline(new TimelineInput("hostile-target", "Hostile target", "Refused requests aim here.",
                    "published", List.of(new TimelineInput.ActorInput("acme", "Acme"),
                            new TimelineInput.ActorInput("gov", "Government")), null, null), ADMIN);
            editorService.createEvent("hostile-target", new EventInput("known-event", "2025-01-02", "day", null,
                    "A known event", "Its text.", "deal", List.of("acme"),
                    List.of(new EventInput.SourceInput("A source", "Wire", "2025-01-02", "https://example.org/a")),
                    "major", "published", null, null), ADMIN);
        }
        Browserless admin = Browserless.signIn(ADMIN, ADMIN_PASSWORD);
        admin.get("/editor/timelines/hostile-target/events/new");
        sessions.put("editor", admin);
        Browserless editor = Browserless.signIn(EDITOR, EDITOR_PASSWORD);
        editor.get("/editor/timelines/hostile-target/events/new");
        sessions.put("plain-editor", editor);
        Browserless anonymous = Browserless.anonymous();
        anonymous.get("/login");
        sessions.put("anon-csrf", anonymous);
        // Use the token once, so its last-used time is set before the snapshot.
        RestAssured.given().header("Authorization", "Bearer " + token).contentType("application/json").body("{}")
                .post("/api/timelines/hostile-target/events").then().statusCode(422);
    }

    long account(String name, String password, Role role) {
        return QuarkusTransaction.requiringNew().call(() -> Account.<Account>find("username", name).firstResultOptional()
                .map(a -> a.id).orElseGet(() -> accounts.create(name, password, role).id));
    }

    // --- one request ------------------------------------------------------------------------

    DynamicTest test(HostileCorpus.Case c) {
        return DynamicTest.dynamicTest(c.displayName(), () -> run(c));
    }

    void run(HostileCorpus.Case c) {
        RawHttp.Answer a = send(c);
        String why = "corpus.tsv line " + c.line() + " (" + c.id() + ", " + c.note() + "): got " + a.statusLine() + "\n"
                + HostileCorpus.abbreviate(a.all(), 3000);
        if (a.status() == RawHttp.CLOSED) {
            assertThat(c.expect().split("\\|")).as("the server closed the connection without an answer: " + why).contains("closed");
            return;
        }
        assertThat(c.expects(a.status())).as(why).isTrue();
        if (!c.expect().matches(".*\\b5\\d\\d\\b.*")) {
            assertThat(a.status()).as("never a 5xx: " + why).isLessThan(500);
        }
        if (c.group().equals("rejected")) {
            boolean signIn = a.status() == 302 && String.valueOf(a.header("Location")).startsWith("/login");
            boolean listed501 = a.status() == 501 && c.expect().equals("501");
            assertThat(a.status() >= 400 && a.status() <= 499 || signIn || listed501)
                    .as("a refused request is a 4xx (or the sign-in redirect): " + why).isTrue();
        }
        String requestText = c.target() + "\n" + c.headers() + "\n" + c.body();
        boolean jsonBody = String.valueOf(a.header("Content-Type")).contains("json");
        String headers = a.statusLine() + "\n" + String.join("\n", a.headers());
        assertThat(STACK.matcher(a.text()).find()).as("no stack trace: " + why).isFalse();
        Matcher m = CLASS_NAME.matcher(a.text());
        while (m.find()) {
            assertThat(requestText).as("no class name (" + m.group() + ") the request did not send: " + why).contains(m.group());
        }
        if (!c.absent().isEmpty()) {
            for (String absent : c.absent().split("\\|\\|")) {
                // JSON carries text as data (and nosniff keeps it so), so only headers and non-JSON bodies are searched
                boolean headerOnly = absent.startsWith("header:");
                String needle = headerOnly ? absent.substring(7) : absent;
                String text = headerOnly || jsonBody ? headers : headers + "\n" + a.text();
                assertThat(text).as("the answer must not contain " + needle + ": " + why).doesNotContain(needle);
            }
        }
        if (a.status() >= 400 && a.status() < 500 && a.body().length > 0) {
            String type = String.valueOf(a.header("Content-Type"));
            String path = c.target().replaceFirst("^https?://[^/]+", "").replaceFirst("[?#].*", "");
            if (ErrorResponses.isApiPath(path.toLowerCase(Locale.ROOT))) {
                assertThat(type).as("problem+json for an API path: " + why).startsWith("application/problem+json");
            } else {
                assertThat(type).as("an HTML error page: " + why).startsWith("text/html");
            }
        }
    }

    RawHttp.Answer send(HostileCorpus.Case c) {
        HostileCorpus.Context ctx = new HostileCorpus.Context() {
            @Override
            public String csrf(String as) {
                Browserless b = sessions.get(as.startsWith("plain-editor") ? "plain-editor" : as.startsWith("anon") ? "anon-csrf" : "editor");
                return b.csrf();
            }

            @Override
            public String token() {
                return token;
            }

            @Override
            public String value(String directive) {
                return switch (directive) {
                    case "self" -> String.valueOf(adminId);
                    case "port" -> String.valueOf(base.getPort());
                    default -> sessions.get("anon-csrf").csrf();
                };
            }
        };
        String host = base.getHost();
        int port = base.getPort();
        List<String> headers = new ArrayList<>();
        String given = new String(HostileCorpus.expand(c.headers(), c.as(), ctx), StandardCharsets.ISO_8859_1);
        List<String> caseHeaders = given.isEmpty() ? List.of() : Arrays.asList(given.split("\n"));
        if (caseHeaders.stream().noneMatch(h -> h.regionMatches(true, 0, "Host:", 0, 5))) {
            headers.add("Host: " + host + ":" + port);
        }
        String cookies = switch (c.as()) {
            case "editor", "plain-editor", "anon-csrf" -> cookieHeader(sessions.get(c.as()), true);
            case "editor-nocsrf" -> cookieHeader(sessions.get("editor"), false);
            default -> null;
        };
        switch (c.as()) {
            case "basic" -> headers.add("Authorization: Basic " + java.util.Base64.getEncoder()
                    .encodeToString("admin:admin-test-password".getBytes(StandardCharsets.UTF_8)));
            case "bearer" -> headers.add("Authorization: Bearer " + token);
            case "anon", "editor", "plain-editor", "anon-csrf", "editor-nocsrf" -> {
            }
            default -> throw new IllegalStateException("unknown 'as' " + c.as() + " on line " + c.line());
        }
        for (String h : caseHeaders) {
            if (cookies != null && h.regionMatches(true, 0, "Cookie:", 0, 7)) {
                headers.add(h + "; " + cookies);
                cookies = null;
            } else {
                headers.add(h);
            }
        }
        if (cookies != null) {
            headers.add("Cookie: " + cookies);
        }
        byte[] body = null;
        RawHttp.Streamed streamed = null;
        Matcher huge = Pattern.compile("\\{\\{huge(-chunked)? (\\d+)}}").matcher(c.body());
        boolean hasLength = caseHeaders.stream().anyMatch(h -> h.regionMatches(true, 0, "Content-Length:", 0, 15)
                || h.regionMatches(true, 0, "Transfer-Encoding:", 0, 18));
        if (huge.matches()) {
            long n = Long.parseLong(huge.group(2));
            boolean chunked = huge.group(1) != null;
            headers.add(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + n);
            streamed = out -> writeHuge(out, n, chunked);
        } else if (c.body().startsWith("{{multipart}}")) {
            String boundary = "hostile-boundary-7MA4YWxkTrZu0gW";
            body = HostileCorpus.multipart(c.body().substring("{{multipart}}".length()), boundary, c.as(), ctx);
            if (caseHeaders.stream().noneMatch(h -> h.regionMatches(true, 0, "Content-Type:", 0, 13))) {
                headers.add("Content-Type: multipart/form-data; boundary=" + boundary);
            }
            headers.add("Content-Length: " + body.length);
        } else if (!c.body().isEmpty()) {
            body = HostileCorpus.expand(c.body(), c.as(), ctx);
            if (!hasLength) {
                headers.add("Content-Length: " + body.length);
            }
        } else if (!hasLength && Arrays.asList("POST", "PUT", "PATCH").contains(c.method())) {
            headers.add("Content-Length: 0");
        }
        headers.add("Connection: close");
        byte[] target = HostileCorpus.expand(c.target(), c.as(), ctx);
        java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
        if (c.method().equals("RAW")) {
            head.writeBytes(target); // the whole request line, exactly as written
        } else {
            head.writeBytes(HostileCorpus.expand(c.method(), c.as(), ctx));
            head.writeBytes(" ".getBytes(StandardCharsets.ISO_8859_1));
            head.writeBytes(target);
            head.writeBytes(" HTTP/1.1".getBytes(StandardCharsets.ISO_8859_1));
        }
        head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        for (String h : headers) {
            head.writeBytes(h.getBytes(StandardCharsets.ISO_8859_1));
            head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        head.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return RawHttp.exchange(host, port, head.toByteArray(), body, streamed);
    }

    static String cookieHeader(Browserless b, boolean withCsrf) {
        return b.cookies().entrySet().stream()
                .filter(e -> withCsrf || !e.getKey().equals(Csrf.COOKIE))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    static void writeHuge(OutputStream out, long n, boolean chunked) throws java.io.IOException {
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) 'a');
        for (long sent = 0; sent < n; sent += block.length) {
            int len = (int) Math.min(block.length, n - sent);
            if (chunked) {
                out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            out.write(block, 0, len);
            if (chunked) {
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        if (chunked) {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    // --- the database before and after -------------------------------------------------------

    Map<String, List<String>> dump() {
        return DatabaseDump.dump(em);
    }

    static void assertSameDatabase(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        DatabaseDump.assertSame(expected, actual);
    }

    /** After the accepted group: the seeded timeline and the refused group's target are still as they were. */
    void onlyFixturesChanged() {
        Map<String, List<String>> after = dump();
        for (String slug : List.of("nippon-steel-us-steel", "hostile-target")) {
            long id = timelineId(slug);
            for (String table : List.of("timeline", "actor", "event", "revision")) {
                assertThat(rowsOf(after, table, id, table.equals("timeline")))
                        .as(table + " rows of " + slug).isEqualTo(rowsOf(before, table, id, table.equals("timeline")));
            }
        }
        assertThat(after.get("account")).as("accounts").isEqualTo(before.get("account"));
    }

    long timelineId(String slug) {
        return DatabaseDump.timelineId(slug);
    }

    List<String> rowsOf(Map<String, List<String>> dump, String table, long timelineId, boolean own) {
        return DatabaseDump.rowsOf(em, dump, table, own ? "id" : "timeline_id", timelineId);
    }

    // --- no live script where accepted input is shown ------------------------------------------

    List<String> pagesToCheck() {
        List<String> pages = new ArrayList<>(List.of("/", "/editor", "/editor/account", "/editor/users"));
        for (String slug : ACCEPTED_TIMELINES) {
            var t = QuarkusTransaction.requiringNew().call(() -> org.tradeline.timeline.Timeline.findBySlug(slug)
                    .map(x -> Map.entry(x.status.code(), x.events.stream().map(e -> Map.entry(e.slug, e.isPublished())).toList())));
            assertThat(t).as("timeline " + slug + " exists (the accepted group creates it)").isPresent();
            boolean published = t.get().getKey().equals("published");
            pages.addAll(List.of("/editor/timelines/" + slug, "/editor/timelines/" + slug + "/edit",
                    "/editor/timelines/" + slug + "/events/new", "/editor/timelines/" + slug + "/import",
                    "/editor/timelines/" + slug + "/export.yaml"));
            if (published) {
                pages.addAll(List.of("/timelines/" + slug, "/embed/timelines/" + slug, "/api/timelines/" + slug,
                        "/api/timelines/" + slug + "/events", "/api/timelines/" + slug + "/timelinejs",
                        "/timelines/" + slug + "/feed.atom", "/timelines/" + slug + ".yaml",
                        "/timelines/" + slug + "/calendar.ics", "/timelines/" + slug + "/events.csv"));
            }
            for (var e : t.get().getValue()) {
                String ev = "/editor/timelines/" + slug + "/events/" + e.getKey();
                pages.addAll(List.of(ev + "/edit", ev + "/preview", ev + "/history", ev + "/delete"));
                if (published && e.getValue()) {
                    pages.addAll(List.of("/timelines/" + slug + "/events/" + e.getKey(),
                            "/embed/timelines/" + slug + "/events/" + e.getKey(),
                            "/api/timelines/" + slug + "/events/" + e.getKey()));
                }
            }
        }
        return pages;
    }

    void checkPage(String path) throws Exception {
        boolean editor = path.startsWith("/editor");
        Response r = editor ? sessions.get("editor").get(path) : RestAssured.given().get(path);
        assertThat(r.statusCode()).as(path + "\n" + r.asString()).isEqualTo(200);
        String body = r.asString();
        assertThat(body).as(path).doesNotContain("54439").doesNotContain("94011");
        String type = String.valueOf(r.getContentType());
        if (type.startsWith("text/html")) {
            assertThat(liveScript(body)).as("live script on " + path).isEmpty();
        } else if (type.contains("json")) {
            JSON.readTree(body);
        } else if (type.contains("atom") || type.contains("xml")) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.newDocumentBuilder().parse(new ByteArrayInputStream(r.asByteArray()));
        } else if (type.contains("yaml")) {
            new YAMLMapper().readTree(body);
        }
    }

    /** What would run in a browser because of stored input: handlers, script URLs, unknown scripts, our marker elements. */
    static List<String> liveScript(String html) {
        Document d = Jsoup.parse(html);
        List<String> problems = new ArrayList<>();
        for (Element e : d.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase(Locale.ROOT);
                String value = a.getValue().strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\x00-\\x1f]", "");
                if (key.startsWith("on")) {
                    problems.add("event handler " + e.outerHtml());
                }
                if (List.of("href", "src", "action", "formaction", "data", "xlink:href", "poster", "srcdoc").contains(key)
                        && (value.startsWith("javascript:") || value.startsWith("vbscript:") || value.startsWith("data:text/html"))) {
                    problems.add("script URL " + e.outerHtml());
                }
            }
            if (e.hasClass("hx-live")) {
                problems.add("markup from input became an element: " + e.outerHtml());
            }
            switch (e.tagName()) {
                case "script" -> {
                    if (e.attr("type").equals("application/ld+json")) {
                        try {
                            JsonNode ld = JSON.readTree(e.data());
                            assertThat(ld).isNotNull();
                        } catch (Exception x) {
                            problems.add("JSON-LD that is not JSON (input broke out?): " + e.data());
                        }
                    } else if (!e.data().isBlank() || !e.attr("src").startsWith("/static/")) {
                        problems.add("script that is not ours: " + e.outerHtml());
                    }
                }
                case "iframe", "object", "embed", "frame", "frameset", "applet", "svg", "math", "img", "video", "audio",
                        "form" -> {
                    if (e.attributes().html().contains("alert(")) {
                        problems.add("element from input: " + e.outerHtml());
                    }
                }
                case "base" -> {
                    if (e.hasAttr("href")) {
                        problems.add("base href: " + e.outerHtml());
                    }
                }
                case "meta" -> {
                    if (e.hasAttr("http-equiv")) {
                        problems.add("meta http-equiv: " + e.outerHtml());
                    }
                }
                case "style" -> {
                    if (e.data().contains("hx")) {
                        problems.add("style from input: " + e.outerHtml());
                    }
                }
                default -> {
                }
            }
        }
        return problems;
    }
}
