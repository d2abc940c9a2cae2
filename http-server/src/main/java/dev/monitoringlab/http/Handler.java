package dev.monitoringlab.http;

/**
 * The application behind the server. Both methods run on the server's I/O threads, so they must not block
 * (no sleeps, no outgoing calls); a computation of microseconds, like a prediction or a scrape, is fine.
 */
public interface Handler {

    /** Answers a whole request. Bad input is a 4xx response, not an exception. */
    Response handle(Request request);

    /**
     * Answers a request the server could not read whole; {@code request} holds what was read (method and path
     * may be empty, the body is). The connection is closed after this answer.
     */
    default Response rejected(Request request, Problem problem) {
        return Response.text(problem.status(), problem.name().toLowerCase(java.util.Locale.ROOT) + "\n");
    }
}
