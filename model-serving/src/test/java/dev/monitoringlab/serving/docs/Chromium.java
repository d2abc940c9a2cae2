package dev.monitoringlab.serving.docs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the DevTools protocol with the JDK's own WebSocket client (no Selenium, no
 * Node): open a page, evaluate scripts in it, and see every URL it requested. Every request that is not to
 * loopback (which Chromium never sends through a proxy) goes to a proxy that does not exist, so a page that
 * needs the network fails to load.
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BINARY = Path.of("/usr/bin/chromium");

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();

    private Chromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Starts Chromium on {@code url}; fails naming the Debian package when it is not installed. */
    static Chromium open(String url, Path profile, Duration timeout) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new AssertionError(BINARY + " not found: install the Debian package chromium (apt-get install chromium)");
        }
        Process p = new ProcessBuilder(BINARY.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
                "--proxy-server=http://127.0.0.1:9",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromium.log").toFile()).start();
        try {
            Path portFile = profile.resolve("DevToolsActivePort");
            Instant deadline = Instant.now().plus(timeout);
            while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).isEmpty()) {
                if (!p.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new AssertionError("chromium did not open its DevTools port within " + timeout.toSeconds()
                            + " s; log: " + Files.readString(profile.resolveSibling("chromium.log")));
                }
                Thread.sleep(100); // polling for a file chromium writes; no event to wait on
            }
            int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
            String ws = null;
            for (JsonNode t : targets) {
                if (t.path("type").asText().equals("page")) {
                    ws = t.path("webSocketDebuggerUrl").asText();
                }
            }
            if (ws == null) {
                throw new AssertionError("chromium has no page target: " + targets);
            }
            Chromium[] self = new Chromium[1];
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(ws), new WebSocket.Listener() {
                private final StringBuilder text = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                        String message = text.toString();
                        text.setLength(0);
                        if (self[0] != null) {
                            self[0].received(message);
                        }
                    }
                    w.request(1);
                    return null;
                }
            }).get(10, TimeUnit.SECONDS);
            self[0] = new Chromium(p, socket);
            self[0].call("Network.enable", JSON.createObjectNode());
            self[0].call("Page.enable", JSON.createObjectNode());
            self[0].call("Page.navigate", JSON.createObjectNode().put("url", url));
            self[0].awaitLoaded(url, deadline);
            return self[0];
        } catch (Exception | AssertionError e) {
            p.destroyForcibly();
            throw e;
        }
    }

    /** Until the page at {@code url} has loaded: scripts evaluated before would run in the blank page. */
    private void awaitLoaded(String url, Instant deadline) throws Exception {
        while (Instant.now().isBefore(deadline)) {
            JsonNode state = call("Runtime.evaluate", JSON.createObjectNode()
                    .put("expression", "location.href + ' ' + document.readyState").put("returnByValue", true));
            if (state.at("/result/value").asText().equals(url + " complete")) {
                return;
            }
            Thread.sleep(100); // polling the page's own state; the protocol's load events would need a subscription
        }
        throw new AssertionError("chromium did not load " + url + " in time");
    }

    private void received(String message) {
        try {
            JsonNode m = JSON.readTree(message);
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                if (f != null) {
                    f.complete(m);
                }
            } else if (m.path("method").asText().equals("Network.requestWillBeSent")) {
                requested.add(m.at("/params/request/url").asText());
            }
        } catch (IOException e) {
            // not JSON: the protocol only sends JSON, so there is nothing to do with it
        }
    }

    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode m = JSON.createObjectNode().put("id", id).put("method", method);
        m.set("params", params);
        socket.sendText(JSON.writeValueAsString(m), true).get(10, TimeUnit.SECONDS);
        JsonNode r = answer.get(90, TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new AssertionError(method + " failed: " + r.get("error"));
        }
        return r.get("result");
    }

    /** Evaluates {@code script} (which may return a promise) in the page and returns its value. */
    JsonNode evaluate(String script) throws Exception {
        JsonNode r = call("Runtime.evaluate", JSON.createObjectNode().put("expression", script)
                .put("awaitPromise", true).put("returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new AssertionError("script failed in the page: " + r.get("exceptionDetails"));
        }
        return r.at("/result/value");
    }

    /** Every URL the page requested so far. */
    List<String> requested() {
        return List.copyOf(requested);
    }

    @Override
    public void close() throws InterruptedException {
        socket.abort();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
