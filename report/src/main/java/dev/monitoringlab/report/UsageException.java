package dev.monitoringlab.report;

/** A bad command line: one line for the user, exit code 2. */
public class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
