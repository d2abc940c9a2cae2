package dev.monitoringlab.models;

/** A model descriptor, artifact description or repository folder that cannot be used: one line naming file and reason. */
public final class ModelSpecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelSpecException(String message) {
        super(message);
    }

    public ModelSpecException(String message, Throwable cause) {
        super(message, cause);
    }
}
