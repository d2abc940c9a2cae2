package dev.monitoringlab.http;

import java.time.Duration;

/**
 * What one client may take of the server. A request (headers and body) must arrive whole within
 * {@code requestTimeout} of its first byte (or of the connection, for the first one); a kept-alive connection
 * may wait {@code idleTimeout} for its next request. Either way the connection is closed, so trickling or idle
 * clients hold a socket for a bounded time and never a thread.
 */
public record ServerLimits(Duration requestTimeout, Duration idleTimeout, int maxHeaderBytes, int maxBodyBytes,
        int maxConnections) {

    /**
     * Defaults: 10 s per request (a scrape or a prediction takes milliseconds), 60 s idle (longer than
     * Prometheus's usual scrape intervals, so its kept-alive connection is reused), 8 KiB of headers, 64 KiB of
     * body, 4,096 connections (far below the default 20,000 descriptors of this kind of machine).
     */
    public static ServerLimits defaults() {
        return new ServerLimits(Duration.ofSeconds(10), Duration.ofSeconds(60), 8 * 1024, 64 * 1024, 4096);
    }

    public ServerLimits {
        if (requestTimeout.isNegative() || requestTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxHeaderBytes < 256 || maxBodyBytes < 0 || maxConnections < 1) {
            throw new IllegalArgumentException("limits out of range: headers " + maxHeaderBytes + ", body "
                    + maxBodyBytes + ", connections " + maxConnections);
        }
    }

    public ServerLimits withRequestTimeout(Duration d) {
        return new ServerLimits(d, idleTimeout, maxHeaderBytes, maxBodyBytes, maxConnections);
    }

    public ServerLimits withIdleTimeout(Duration d) {
        return new ServerLimits(requestTimeout, d, maxHeaderBytes, maxBodyBytes, maxConnections);
    }

    public ServerLimits withMaxBodyBytes(int n) {
        return new ServerLimits(requestTimeout, idleTimeout, maxHeaderBytes, n, maxConnections);
    }

    public ServerLimits withMaxConnections(int n) {
        return new ServerLimits(requestTimeout, idleTimeout, maxHeaderBytes, maxBodyBytes, n);
    }
}
