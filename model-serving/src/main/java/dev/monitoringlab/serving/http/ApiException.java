package dev.monitoringlab.serving.http;

import dev.monitoringlab.serving.metrics.RejectReason;

/** A request the service turns away with a 4xx: why, which field, and a sentence for the caller. */
public final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final RejectReason reason;
    private final String field;

    public ApiException(RejectReason reason, String field, String message) {
        super(message, null, false, false); // no stack trace: this is an answer, not a failure
        this.reason = reason;
        this.field = field;
    }

    public RejectReason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
