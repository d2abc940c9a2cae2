package dev.monitoringlab.settings;

/** A setting that cannot be used; its message is one line a user can act on. */
public class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }
}
