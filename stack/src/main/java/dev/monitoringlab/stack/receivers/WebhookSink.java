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

    private final HttpServer server;
    // not a small fixed pool: a hung request must not hold back the next one in a queue
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private final List<String> rejections = new CopyOnWriteArrayList<>();

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

    /**
     * Reads one request and answers it as the service would. Package-private on purpose: the only other answers,
     * a test's outages, come from a look-alike in the same package that overrides it.
     */
    void handle(HttpExchange ex) throws IOException {
        Answer answer;
        try (InputStream in = ex.getRequestBody()) {
            answer = decide(ex, in.readNBytes(MAX_BODY + 1));
        } catch (RuntimeException e) {
            answer = answerFor(400, "unreadable request: " + e.getMessage());
        }
        send(ex, answer);
    }

    /** Sends {@code answer} (and whatever headers are already set) and ends the exchange. */
    static void send(HttpExchange ex, Answer answer) throws IOException {
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
        server.stop(0);
        threads.shutdownNow();
    }
}
