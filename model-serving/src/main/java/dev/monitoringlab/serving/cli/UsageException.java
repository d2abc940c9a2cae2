package dev.monitoringlab.serving.cli;

/** A command line the program cannot run; the message is one line, the exit code 2. */
public class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
