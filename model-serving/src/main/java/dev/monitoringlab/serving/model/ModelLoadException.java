package dev.monitoringlab.serving.model;

/** A model directory that cannot be used; the message is one line naming the path and what is wrong. */
public class ModelLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }
}
