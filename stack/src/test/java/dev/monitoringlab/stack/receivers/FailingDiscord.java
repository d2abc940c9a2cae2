package dev.monitoringlab.stack.receivers;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Discord look-alike, made to fail on purpose: from {@link #inject} on it answers every request with an error
 * status or not at all, and it records every request with what it got. Normal answers are {@link FakeDiscord}'s.
 */
public final class FailingDiscord extends FakeDiscord {
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

    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final Object faultLock = new Object();
    private Fault fault = Fault.NONE;
    private boolean closed;

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

    @Override
    void handle(HttpExchange ex) throws IOException {
        Instant at = Instant.now();
        Fault now = faultNow();
        if (now.status() == 0) {
            try {
                super.handle(ex);
            } finally {
                attempts.add(new Attempt(at, String.valueOf(ex.getResponseCode())));
            }
            return;
        }
        try (InputStream in = ex.getRequestBody()) {
            in.readAllBytes();
        }
        if (now.status() < 0) {
            hangWhile(now);
            attempts.add(new Attempt(at, "no answer (connection closed after the hang)"));
            ex.close();
            return;
        }
        Answer answer = answerFor(now.status(), now.status() == 429 ? "You are being rate limited." : "Server Error");
        now.retryAfter().ifPresent(d -> ex.getResponseHeaders().set("Retry-After", String.valueOf(d.toSeconds())));
        attempts.add(new Attempt(at, answer.status() + now.retryAfter().map(d -> " Retry-After: " + d.toSeconds())
                .orElse("")));
        send(ex, answer);
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

    @Override
    public void close() {
        synchronized (faultLock) {
            closed = true;
            faultLock.notifyAll();
        }
        super.close();
    }
}
