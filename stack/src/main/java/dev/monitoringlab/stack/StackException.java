package dev.monitoringlab.stack;

/** The stack could not start; the message says which part and why, with the end of its log. */
public class StackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StackException(String message) {
        super(message);
    }
}
