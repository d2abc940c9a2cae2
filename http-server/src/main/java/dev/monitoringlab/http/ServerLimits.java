package dev.monitoringlab.http;

import java.time.Duration;

/**
 * What one client may take of the server. A request (headers and body) must arrive whole within
 * {@code requestTimeout} of its first byte (or of the connection, for the first one); a kept-alive connection
 * may wait {@code idleTimeout} for its next request. Either way the connection is closed, so trickling or idle
 * clients hold a socket for a bounded time and never a thread.
 *
 * <p>Output is bounded too: at most {@code writeBufferBytes} of answers wait for a client to read them and at
 * most {@code maxRequestsInFlight} answers are queued per connection; beyond either the server stops reading
 * that connection (its pipelined requests wait in the kernel, not in the heap), and a client that takes none of
 * its answers for {@code writeTimeout} is closed. One source address may hold {@code maxConnectionsPerClient}
 * of the {@code maxConnections}; at the global cap an idle connection of the busiest client gives way.
 */
public record ServerLimits(Duration requestTimeout, Duration idleTimeout, int maxHeaderBytes, int maxBodyBytes,
        int maxConnections, int maxConnectionsPerClient, int maxRequestsInFlight, int writeBufferBytes,
        Duration writeTimeout) {

    /**
     * Defaults: 10 s per request (a scrape or a prediction takes milliseconds), 60 s idle (longer than
     * Prometheus's usual scrape intervals, so its kept-alive connection is reused), 8 KiB of headers, 64 KiB of
     * body, 4,096 connections (far below the default 20,000 descriptors of this kind of machine), a quarter of
     * them per source address (a scraper, a load generator and a thousand slow test clients on loopback fit), 16
     * pipelined answers and 64 KiB of unread answers per connection (a few scrapes or batch answers), and 10 s
     * for a client to take an answer (the request timeout's budget, for the other direction).
     */
    public static ServerLimits defaults() {
        return new ServerLimits(Duration.ofSeconds(10), Duration.ofSeconds(60), 8 * 1024, 64 * 1024, 4096, 1024, 16,
                64 * 1024, Duration.ofSeconds(10));
    }

    public ServerLimits {
        if (!positive(requestTimeout) || !positive(idleTimeout) || !positive(writeTimeout)) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxHeaderBytes < 256 || maxBodyBytes < 0 || maxConnections < 1 || maxConnectionsPerClient < 1
                || maxRequestsInFlight < 1 || writeBufferBytes < 1024) {
            throw new IllegalArgumentException("limits out of range: headers " + maxHeaderBytes + ", body "
                    + maxBodyBytes + ", connections " + maxConnections + ", per client " + maxConnectionsPerClient
                    + ", in flight " + maxRequestsInFlight + ", write buffer " + writeBufferBytes);
        }
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    public ServerLimits withRequestTimeout(Duration d) {
        return new ServerLimits(d, idleTimeout, maxHeaderBytes, maxBodyBytes, maxConnections, maxConnectionsPerClient,
                maxRequestsInFlight, writeBufferBytes, writeTimeout);
    }

    public ServerLimits withIdleTimeout(Duration d) {
        return new ServerLimits(requestTimeout, d, maxHeaderBytes, maxBodyBytes, maxConnections, maxConnectionsPerClient,
                maxRequestsInFlight, writeBufferBytes, writeTimeout);
    }

    public ServerLimits withMaxBodyBytes(int n) {
        return new ServerLimits(requestTimeout, idleTimeout, maxHeaderBytes, n, maxConnections, maxConnectionsPerClient,
                maxRequestsInFlight, writeBufferBytes, writeTimeout);
    }

    public ServerLimits withMaxConnections(int n) {
        return new ServerLimits(requestTimeout, idleTimeout, maxHeaderBytes, maxBodyBytes, n, maxConnectionsPerClient,
                maxRequestsInFlight, writeBufferBytes, writeTimeout);
    }

    public ServerLimits withMaxConnectionsPerClient(int n) {
        return new ServerLimits(requestTimeout, idleTimeout, maxHeaderBytes, maxBodyBytes, maxConnections, n,
                maxRequestsInFlight, writeBufferBytes, writeTimeout);
    }

    public ServerLimits withMaxRequestsInFlight(int n) {
        return new ServerLimits(requestTimeout, idleTimeout, maxHeaderBytes, maxBodyBytes, maxConnections,
                maxConnectionsPerClient, n, writeBufferBytes, writeTimeout);
    }

    public ServerLimits withWriteBufferBytes(int n) {
        return new ServerLimits(requestTimeout, idleTimeout, maxHeaderBytes, maxBodyBytes, maxConnections,
                maxConnectionsPerClient, maxRequestsInFlight, n, writeTimeout);
    }

    public ServerLimits withWriteTimeout(Duration d) {
        return new ServerLimits(requestTimeout, idleTimeout, maxHeaderBytes, maxBodyBytes, maxConnections,
                maxConnectionsPerClient, maxRequestsInFlight, writeBufferBytes, d);
    }
}
