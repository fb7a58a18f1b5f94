package org.tradeline.extract;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.tradeline.config.TradelineConfig;

/**
 * Fetches an article page by its address, for an editor drafting events, from the hosts listed in
 * {@code tradeline.extract.fetch-hosts} only. Each host name is resolved once, refused when it
 * leads to a private or local address (unless the setting names such a host itself), and the
 * connection goes to exactly the address that was checked. Redirects are followed by hand and
 * checked the same way; the whole fetch has a time limit and the page a size limit. Every
 * problem is a {@link FetchRefused} saying, in words for the editor, what went wrong.
 *
 * <p>{@link #fetch} blocks: call it from a worker thread, never from a Vert.x event loop.
 */
@ApplicationScoped
public class ArticleFetcher {

    private static final Logger LOG = Logger.getLogger(ArticleFetcher.class);

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_REDIRECTS = 5;
    static final String USER_AGENT = "Tradeline article fetcher (one page, when an editor asks)";
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_URL_LENGTH = 4096;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<String> PAGE_TYPES = Set.of("text/html", "application/xhtml+xml");
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]+)");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");
    private static final Pattern ENTRY = Pattern.compile("(\\[[0-9a-f:.]+]|[a-z0-9._-]+)(?::(\\d{1,5}))?");

    /** Looks a host name up; tests replace it to check what is done with the answer. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** One line of {@code fetch-hosts}: a host, and a port or (null) the default ports 80 and 443. */
    private record Allowed(String host, Integer port) {
        boolean allows(String host, int port) {
            return this.host.equals(host) && (this.port == null ? port == 80 || port == 443 : this.port == port);
        }

        /** Whether the entry itself names a local host ("localhost", an IP address), which may then be private. */
        boolean literal() {
            return host.equals("localhost") || host.startsWith("[") || IPV4.matcher(host).matches();
        }
    }

    /** An address about to be requested, taken apart. */
    private record Target(URI uri, boolean https, String host, int port, boolean explicitPort, boolean privateAllowed) {
        Target allowingPrivate(boolean allowed) {
            return new Target(uri, https, host, port, explicitPort, allowed);
        }

        /** The host as a socket needs it (an IPv6 address without its brackets). */
        String bareHost() {
            return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        }

        String hostHeader() {
            return explicitPort && port != (https ? 443 : 80) ? host + ":" + port : host;
        }

        /** The host as the editor should see it: with its port when the port is not the scheme's own. */
        String shown() {
            return hostHeader();
        }

        String pathAndQuery() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    private sealed interface Answer permits Redirect, Page {
    }

    private record Redirect(String location) implements Answer {
    }

    private record Page(byte[] body, String charset, boolean sniff) implements Answer {
    }

    private final List<String> hosts;
    private final List<Allowed> allowed;
    private final Duration timeout;
    private final int maxBytes;
    private final Vertx vertx;
    private final HttpClient client;
    private final Resolver resolver;

    @Inject
    ArticleFetcher(TradelineConfig config, Vertx vertx) {
        this(config.extract().fetchHosts().orElse(List.of()), TIMEOUT, MAX_BYTES, vertx, InetAddress::getAllByName);
    }

    /** A fetcher on a Vert.x of its own (shared by all such fetchers), for tests and tools. */
    public ArticleFetcher(List<String> hosts, Duration timeout, int maxBytes) {
        this(hosts, timeout, maxBytes, OwnVertx.VERTX, InetAddress::getAllByName);
    }

    ArticleFetcher(List<String> hosts, Duration timeout, int maxBytes, Vertx vertx, Resolver resolver) {
        this(hosts, timeout, maxBytes, vertx, resolver, new HttpClientOptions());
    }

    /** With client options to start from: tests add trust in their own certificate. */
    ArticleFetcher(List<String> hosts, Duration timeout, int maxBytes, Vertx vertx, Resolver resolver,
            HttpClientOptions clientOptions) {
        List<String> entries = new ArrayList<>();
        List<Allowed> parsed = new ArrayList<>();
        for (String host : hosts) {
            String entry = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
            Allowed a = allowed(entry);
            if (a == null && !entry.isEmpty()) {
                LOG.warnf("tradeline.extract.fetch-hosts: \"%s\" is not a host or host:port; it is ignored", entry);
            } else if (a != null && !entries.contains(entry)) {
                entries.add(entry);
                parsed.add(a);
            }
        }
        this.hosts = List.copyOf(entries);
        this.allowed = List.copyOf(parsed);
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.vertx = vertx;
        this.resolver = resolver;
        this.client = vertx.createHttpClient(new HttpClientOptions(clientOptions)
                .setKeepAlive(false)
                .setDecompressionSupported(true) // the size limit then counts the decoded page
                .setMaxHeaderSize(MAX_HEADER_BYTES)
                .setVerifyHost(true)
                .setTrustAll(false));
    }

    private static final class OwnVertx {
        static final Vertx VERTX = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(4));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** Whether fetching by address is on: some hosts are allowed. */
    public boolean enabled() {
        return !allowed.isEmpty();
    }

    /** The allowed hosts as configured (trimmed, lower-cased; entries that are not a host or host:port left out). */
    public List<String> hosts() {
        return hosts;
    }

    /**
     * The article at this address (after redirects, whose final address becomes the article's).
     *
     * @throws FetchRefused for every problem, with a message for the editor
     */
    public FetchedArticle fetch(String url) {
        try {
            return fetchChecked(url);
        } catch (FetchRefused e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Fetching %s failed unexpectedly", url);
            throw FetchRefused.failed(e);
        }
    }

    private FetchedArticle fetchChecked(String url) {
        if (!enabled()) {
            throw FetchRefused.off();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Target asked = target(url);
        Target target = allowed(asked);
        if (target == null) {
            throw FetchRefused.notAllowed(asked.shown(), hosts);
        }
        for (int redirects = 0; ; redirects++) {
            InetAddress[] addresses = resolve(target, deadline);
            Answer answer = request(target, addresses, deadline);
            if (answer instanceof Page page) {
                return ArticlePage.article(document(page, target), target.uri().toString());
            }
            if (redirects == MAX_REDIRECTS) {
                throw FetchRefused.tooManyRedirects();
            }
            target = redirectTarget(target, ((Redirect) answer).location());
        }
    }

    // --- Which addresses may be fetched --------------------------------------------------------

    private static Allowed allowed(String entry) {
        Matcher m = ENTRY.matcher(entry);
        if (!m.matches()) {
            return null;
        }
        Integer port = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        return port != null && (port < 1 || port > 65535) ? null : new Allowed(m.group(1), port);
    }

    /**
     * The address taken apart.
     *
     * @throws FetchRefused when it is not an http(s) address with a host and no user name
     */
    private static Target target(String url) {
        String input = url == null ? "" : url.strip();
        if (input.isEmpty() || input.length() > MAX_URL_LENGTH) {
            throw FetchRefused.notAnAddress(input);
        }
        Matcher scheme = SCHEME.matcher(input);
        if (scheme.find() && !scheme.group(1).equalsIgnoreCase("http") && !scheme.group(1).equalsIgnoreCase("https")) {
            throw FetchRefused.notHttp();
        }
        URI uri;
        try {
            uri = new URI(input);
        } catch (URISyntaxException e) {
            throw FetchRefused.notAnAddress(input);
        }
        if (uri.getScheme() == null) {
            throw FetchRefused.notAnAddress(input);
        }
        String authority = uri.getRawAuthority();
        if (uri.getRawUserInfo() != null || authority != null && authority.contains("@")) {
            throw FetchRefused.userInfo();
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw FetchRefused.notAnAddress(input);
        }
        boolean https = uri.getScheme().equalsIgnoreCase("https");
        boolean explicitPort = uri.getPort() != -1;
        int port = explicitPort ? uri.getPort() : https ? 443 : 80;
        return new Target(uri, https, uri.getHost().toLowerCase(Locale.ROOT), port, explicitPort, false);
    }

    /** The target if an entry allows its host and port (noting whether that entry names a local host), else null. */
    private Target allowed(Target target) {
        for (Allowed a : allowed) {
            if (a.allows(target.host(), target.port())) {
                return target.allowingPrivate(a.literal());
            }
        }
        return null;
    }

    /** Where a redirect leads, checked like the address the editor gave. */
    private Target redirectTarget(Target from, String location) {
        Target next;
        try {
            next = target(from.uri().resolve(new URI(location.strip())).toString());
        } catch (URISyntaxException | IllegalArgumentException | FetchRefused e) {
            // shown without any user name or password the location carries
            throw FetchRefused.redirectedTo(location.replaceFirst("//[^/?#]*@", "//"));
        }
        Target allowedNext = allowed(next);
        if (allowedNext == null) {
            throw FetchRefused.redirectedTo(next.shown());
        }
        return allowedNext;
    }

    /**
     * The host's addresses, looked up once (within the time left); refused when any is private
     * or local and the allowed entry did not name such a host itself.
     */
    private InetAddress[] resolve(Target target, long deadline) {
        Future<InetAddress[]> lookup = vertx.executeBlocking(() -> resolver.resolve(target.bareHost()), false);
        InetAddress[] addresses = await(lookup, deadline, target, null);
        if (addresses == null || addresses.length == 0) {
            throw FetchRefused.unknownHost(target.host());
        }
        if (!target.privateAllowed()) {
            for (InetAddress address : addresses) {
                if (isPrivate(address)) {
                    throw FetchRefused.privateAddress(target.host());
                }
            }
        }
        return addresses;
    }

    /**
     * Loopback, private (site-local, unique-local fc00::/7, carrier-grade NAT 100.64/10), link-local,
     * unspecified (0.0.0.0/8, ::), multicast, broadcast and reserved addresses, and IPv6 addresses
     * that carry such an IPv4 address (IPv4-compatible, NAT64 64:ff9b::/96, 6to4 2002::/16).
     */
    static boolean isPrivate(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first >= 240 || first == 100 && (second & 0xc0) == 64
                    || first == 198 && (second & 0xfe) == 18;
        }
        if (address instanceof Inet6Address v6) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true;
            }
            if (v6.isIPv4CompatibleAddress()) {
                return isPrivate(ipv4(b, 12));
            }
            boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                    && allZero(b, 4, 12);
            if (nat64) {
                return isPrivate(ipv4(b, 12));
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return isPrivate(ipv4(b, 2));
            }
        }
        return false;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress ipv4(byte[] b, int offset) {
        try {
            return InetAddress.getByAddress(new byte[] {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- The request ---------------------------------------------------------------------------

    /** One request, to the first of the checked addresses that takes the connection. */
    private Answer request(Target target, InetAddress[] addresses, long deadline) {
        AtomicReference<HttpClientRequest> current = new AtomicReference<>();
        Future<Answer> answer = attempt(target, addresses, 0, deadline, current, false);
        return await(answer, deadline, target, current);
    }

    /**
     * One try at one address. A connection the server closed or reset before the page was read is
     * tried once more (a GET may be repeated, RFC 9110 §9.2.2): a server restarting, or dropping a
     * connection it was about to close, answers the second time. A refused connection moves on to the
     * next checked address.
     */
    private Future<Answer> attempt(Target target, InetAddress[] addresses, int index, long deadline,
            AtomicReference<HttpClientRequest> current, boolean retried) {
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                // connect to the address that was checked; host and port name the site (TLS SNI, certificate)
                .setServer(SocketAddress.inetSocketAddress(target.port(), addresses[index].getHostAddress()))
                .setHost(target.bareHost())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.pathAndQuery())
                .setFollowRedirects(false)
                .setConnectTimeout(left)
                .setIdleTimeout(left)
                .putHeader(HttpHeaders.HOST, target.hostHeader())
                .putHeader(HttpHeaders.USER_AGENT, USER_AGENT)
                .putHeader(HttpHeaders.ACCEPT, "text/html, application/xhtml+xml;q=0.9");
        Future<Answer> answer = client.request(options)
                .compose(request -> {
                    current.set(request);
                    // a reset is this request's failure (reported, and tried once more), not an error to log
                    request.connection().exceptionHandler(ignored -> { });
                    // answer() sets the response's handlers: attached to send() itself, it runs on the
                    // connection's event loop as the headers arrive. A step further down the chain ran as a
                    // task of its own, after a small response could already have ended ("Response already
                    // ended", which failed about one fetch in a few thousand).
                    return request.send().compose(this::answer);
                });
        return answer.recover(e -> {
            if (e instanceof ConnectException && index + 1 < addresses.length) {
                return attempt(target, addresses, index + 1, deadline, current, false);
            }
            if (brokenOff(e) && !retried && System.nanoTime() < deadline) {
                return attempt(target, addresses, index, deadline, current, true);
            }
            return Future.failedFuture(e);
        });
    }

    /** The connection closed or reset under the request (not refused, not a TLS failure, not our own refusal). */
    private static boolean brokenOff(Throwable e) {
        return e instanceof io.vertx.core.http.HttpClosedException
                || (e instanceof java.io.IOException && !(e instanceof ConnectException) && !(e instanceof SSLException)
                        && !(e instanceof UnknownHostException));
    }

    /** A redirect, or the page read up to the size limit; anything else fails with the reason. */
    private Future<Answer> answer(HttpClientResponse response) {
        // failures after the answer is decided (the connection closed on purpose) need no report
        response.exceptionHandler(ignored -> { });
        int status = response.statusCode();
        if (REDIRECTS.contains(status)) {
            String location = response.getHeader(HttpHeaders.LOCATION);
            close(response.request());
            return location == null || location.isBlank()
                    ? Future.failedFuture(FetchRefused.status(status))
                    : Future.succeededFuture(new Redirect(location));
        }
        if (status != 200 && status != 203) {
            close(response.request());
            return Future.failedFuture(FetchRefused.status(status));
        }
        String contentType = response.getHeader(HttpHeaders.CONTENT_TYPE);
        String mediaType = contentType == null ? null : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (mediaType != null && !mediaType.isEmpty() && !PAGE_TYPES.contains(mediaType)) {
            close(response.request());
            return Future.failedFuture(FetchRefused.notAPage(mediaType));
        }
        if (declaredLength(response) > maxBytes) {
            close(response.request());
            return Future.failedFuture(FetchRefused.tooLarge(maxBytes));
        }
        Promise<Answer> page = Promise.promise();
        Buffer body = Buffer.buffer();
        response.exceptionHandler(page::tryFail);
        response.handler(chunk -> {
            if (page.future().isComplete()) {
                return;
            }
            if (body.length() + chunk.length() > maxBytes) {
                page.tryFail(FetchRefused.tooLarge(maxBytes));
                close(response.request());
                return;
            }
            body.appendBuffer(chunk);
        });
        response.endHandler(v -> page.tryComplete(
                new Page(body.getBytes(), charset(contentType), mediaType == null || mediaType.isEmpty())));
        return page.future();
    }

    private static long declaredLength(HttpClientResponse response) {
        String length = response.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String charset(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = CHARSET.matcher(contentType);
        try {
            return m.find() && Charset.isSupported(m.group(1)) ? m.group(1) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void close(HttpClientRequest request) {
        if (request != null && request.connection() != null) {
            request.connection().close();
        }
    }

    /**
     * The page parsed: in the Content-Type's charset, else the one the page declares (or its byte
     * order mark), else UTF-8. A page without a Content-Type must start with markup.
     */
    private static Document document(Page page, Target target) {
        if (page.sniff() && !startsWithMarkup(page.body())) {
            throw FetchRefused.notAPage("a file without a type");
        }
        try {
            return Jsoup.parse(new ByteArrayInputStream(page.body()), page.charset(), target.uri().toString(),
                    ArticlePage.parser());
        } catch (IOException | RuntimeException e) {
            throw FetchRefused.notAPage("text Tradeline cannot read");
        }
    }

    private static boolean startsWithMarkup(byte[] body) {
        int i = body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf ? 3 : 0;
        while (i < body.length && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) {
            i++;
        }
        return i < body.length && body[i] == '<';
    }

    /** The future's value within the time left; on expiry the connection in use is closed. */
    private <T> T await(Future<T> future, long deadline, Target target, AtomicReference<HttpClientRequest> current) {
        try {
            return future.toCompletionStage().toCompletableFuture()
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            if (current != null) {
                close(current.get());
            }
            throw FetchRefused.timedOut(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (current != null) {
                close(current.get());
            }
            throw FetchRefused.failed(e);
        } catch (ExecutionException e) {
            throw refusal(e.getCause(), target);
        }
    }

    /** What a failure means for the editor. */
    private FetchRefused refusal(Throwable failure, Target target) {
        if (failure instanceof FetchRefused refused) {
            return refused;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return FetchRefused.unknownHost(target.host());
            }
            if (t instanceof SSLException) {
                return FetchRefused.insecure(target.shown(), failure);
            }
            if (t.getClass().getSimpleName().contains("Timeout")) {
                return FetchRefused.timedOut(timeout);
            }
            if (t instanceof ConnectException) {
                return FetchRefused.unreachable(target.shown());
            }
        }
        LOG.debugf(failure, "Fetching from %s failed", target.shown());
        return FetchRefused.brokenOff(target.shown(), failure);
    }
}
