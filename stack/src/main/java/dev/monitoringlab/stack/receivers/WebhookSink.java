package dev.monitoringlab.stack.receivers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A local HTTP endpoint that answers like a chat service's incoming webhook: it checks method, content type,
 * path and payload as the real one does, answers with the real status codes, and records every accepted message
 * with its arrival time. Subclasses say what a valid payload is.
 */
public abstract class WebhookSink implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 1 << 20;

    /** A message the endpoint accepted. */
    public record Message(Instant receivedAt, String path, JsonNode payload) {
        public String text() {
            return payload.toString();
        }
    }

    /** What the endpoint answers; {@code body} may be empty. */
    protected record Answer(int status, String contentType, String body) {
    }

    /**
     * An outage to play instead of the normal answer: an error status (with a Retry-After header when given), or
     * {@link #HANG}: the request is read and never answered, as behind a dead load balancer.
     */
    public record Fault(int status, Optional<Duration> retryAfter) {
        public static final Fault NONE = new Fault(0, Optional.empty());
        public static final Fault HANG = new Fault(-1, Optional.empty());

        public static Fault status(int status) {
            return new Fault(status, Optional.empty());
        }

        public static Fault tooManyRequests(Duration retryAfter) {
            return new Fault(429, Optional.of(retryAfter));
        }

        @Override
        public String toString() {
            return this == NONE || status == 0 ? "normal answers" : status < 0 ? "no answer (hang)"
                    : status + retryAfter.map(d -> " with Retry-After: " + d.toSeconds()).orElse("");
        }
    }

    /** Every request that reached the endpoint and what it got: the timeline of a fault test. */
    public record Attempt(Instant receivedAt, String outcome) {
    }

    private final HttpServer server;
    // not a small fixed pool: a hung request must not hold back the next one in a queue
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final List<String> rejections = new CopyOnWriteArrayList<>();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Object faultLock = new Object();
    private Fault fault = Fault.NONE;
    private boolean closed;

    protected WebhookSink() {
        this(InetAddress.getLoopbackAddress());
    }

    /** Listening on {@code address}: a test's own container network reaches it at the host's address there. */
    protected WebhookSink(InetAddress address) {
        try {
            server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a local webhook endpoint", e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The URL to configure as the webhook, like the real service's. */
    public abstract String url();

    protected String base() {
        InetAddress bound = server.getAddress().getAddress();
        String host = bound.isLoopbackAddress() ? "127.0.0.1" : bound.getHostAddress();
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    /** Checks a request whose method is POST and body is JSON; returns the answer for a rejected one. */
    protected abstract Optional<Answer> reject(String path, JsonNode payload);

    protected abstract Answer accepted();

    /** The answer to an accepted message; services that echo the message back override this. */
    protected Answer accepted(JsonNode payload) {
        return accepted();
    }

    /** Requests answered without being a message or a refusal (e.g. a bot API's getMe); empty for the rest. */
    protected Optional<Answer> answerWithoutRecording(String path, JsonNode payload) {
        return Optional.empty();
    }

    protected abstract Answer answerFor(int status, String reason);

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    /** From now on, answer every request with {@code f} ({@link Fault#NONE}: normally); hung requests are released. */
    public void inject(Fault f) {
        synchronized (faultLock) {
            fault = f;
            faultLock.notifyAll();
        }
    }

    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Why requests were refused, for test failure messages. */
    public List<String> rejections() {
        return List.copyOf(rejections);
    }

    /** Polls until a message matching {@code test} has arrived, or fails after {@code timeout}. */
    public Message await(Predicate<Message> test, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Optional<Message> m = messages.stream().filter(test).findFirst();
            if (m.isPresent()) {
                return m.get();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no matching message within " + timeout.toSeconds() + " s; received " + messages
                + "; rejected " + rejections);
    }

    private void handle(HttpExchange ex) throws IOException {
        Answer answer;
        Instant at = Instant.now();
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            Fault now = faultNow();
            if (now.status() < 0) {
                hangWhile(now);
                attempts.add(new Attempt(at, "no answer (connection closed after the hang)"));
                ex.close();
                return;
            }
            if (now.status() > 0) {
                answer = answerFor(now.status(), now.status() == 429 ? "You are being rate limited." : "Server Error");
                now.retryAfter().ifPresent(d -> ex.getResponseHeaders().set("Retry-After", String.valueOf(d.toSeconds())));
            } else {
                answer = decide(ex, body);
            }
        } catch (RuntimeException e) {
            answer = answerFor(400, "unreadable request: " + e.getMessage());
        }
        attempts.add(new Attempt(at, answer.status() + (ex.getResponseHeaders().containsKey("Retry-After")
                ? " Retry-After: " + ex.getResponseHeaders().getFirst("Retry-After") : "")));
        byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
        if (!answer.contentType().isEmpty()) {
            ex.getResponseHeaders().set("Content-Type", answer.contentType());
        }
        ex.sendResponseHeaders(answer.status(), answer.status() == 204 || out.length == 0 ? -1 : out.length);
        if (out.length > 0 && answer.status() != 204) {
            ex.getResponseBody().write(out);
        }
        ex.close();
    }

    private Fault faultNow() {
        synchronized (faultLock) {
            return fault;
        }
    }

    /** Holds the request while the same hang is in force (or until the endpoint closes). */
    private void hangWhile(Fault hang) {
        synchronized (faultLock) {
            while (fault == hang && !closed) {
                try {
                    faultLock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private Answer decide(HttpExchange ex, byte[] body) {
        String path = ex.getRequestURI().getPath();
        if (!"POST".equals(ex.getRequestMethod())) {
            return refuse(path, 405, "method " + ex.getRequestMethod() + " not allowed");
        }
        if (body.length > MAX_BODY) {
            return refuse(path, 413, "payload too large");
        }
        String type = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
        if (!type.toLowerCase().startsWith("application/json")) {
            return refuse(path, 415, "content type '" + type + "' is not application/json");
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(body);
        } catch (IOException e) {
            return refuse(path, 400, "body is not JSON");
        }
        if (payload == null || !payload.isObject()) {
            return refuse(path, 400, "body is not a JSON object");
        }
        Optional<Answer> other = answerWithoutRecording(path, payload);
        if (other.isPresent()) {
            return other.get();
        }
        Optional<Answer> no = reject(path, payload);
        if (no.isPresent()) {
            rejections.add(path + ": " + no.get().body());
            return no.get();
        }
        messages.add(new Message(Instant.now(), path, payload));
        return accepted(payload);
    }

    private Answer refuse(String path, int status, String reason) {
        rejections.add(path + ": " + status + " " + reason);
        return answerFor(status, reason);
    }

    @Override
    public void close() {
        synchronized (faultLock) {
            closed = true;
            faultLock.notifyAll();
        }
        server.stop(0);
        threads.shutdownNow();
    }
}
