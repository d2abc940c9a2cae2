package dev.monitoringlab.http;

/** Why the server could not hand a whole request to the routes. */
public enum Problem {
    /** Not HTTP/1.x: a broken request line or header. */
    MALFORMED_REQUEST(400),
    /** Request line or headers longer than {@link ServerLimits#maxHeaderBytes()}. */
    HEADERS_TOO_LARGE(431),
    /** Body longer than {@link ServerLimits#maxBodyBytes()}; the rest is not read. */
    BODY_TOO_LARGE(413),
    /** The body ended early (connection half-closed) or its chunked encoding is broken. */
    INCOMPLETE_BODY(400);

    private final int status;

    Problem(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
