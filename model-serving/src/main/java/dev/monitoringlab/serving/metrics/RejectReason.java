package dev.monitoringlab.serving.metrics;

/**
 * Why a request was turned away: the {@code reason} label of {@code store_model_rejected_requests_total}.
 * A closed set, so garbage input cannot grow the number of series.
 */
public enum RejectReason {
    MALFORMED_JSON(400),
    MISSING_FIELD(400),
    UNKNOWN_FIELD(400),
    WRONG_TYPE(400),
    NEGATIVE_VALUE(400),
    NOT_INTEGER(400),
    TOO_LARGE(400),
    EMPTY_BATCH(400),
    BATCH_TOO_LARGE(400),
    INCOMPLETE_BODY(400),
    BODY_TOO_LARGE(413),
    HEADERS_TOO_LARGE(431),
    MALFORMED_REQUEST(400),
    METHOD_NOT_ALLOWED(405),
    UNSUPPORTED_MEDIA_TYPE(415),
    NOT_FOUND(404),
    /** feedback: a label other than 0 or 1 */
    BAD_LABEL(400),
    /** feedback: an id this run of the service never handed out */
    UNKNOWN_ID(404),
    /** feedback: the prediction is older than the retention, or gave way to newer ones */
    EXPIRED_ID(410),
    /** Open Inference Protocol: no model of that name in the repository */
    UNKNOWN_MODEL(404),
    /** Open Inference Protocol: the model exists, that version does not answer */
    UNKNOWN_VERSION(404),
    /** Open Inference Protocol: an input tensor the model does not take, or given twice */
    UNKNOWN_INPUT(400),
    /** Open Inference Protocol: an input tensor of the model is missing */
    MISSING_INPUT(400),
    /** Open Inference Protocol: a tensor's datatype differs from the model's metadata */
    WRONG_DATATYPE(400),
    /** Open Inference Protocol: a shape other than [n] or [n, 1], or data that does not fill it */
    WRONG_SHAPE(400),
    /** a value outside the input's accepted range or categories (model.json) */
    OUT_OF_RANGE(400),
    /** Open Inference Protocol: an output the model does not have was asked for */
    UNKNOWN_OUTPUT(400);

    private final int status;

    RejectReason(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
