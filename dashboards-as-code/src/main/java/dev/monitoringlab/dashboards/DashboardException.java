package dev.monitoringlab.dashboards;

/** A dashboard the generator refuses to write; the message names the dashboard and panel and fits on one line. */
public class DashboardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DashboardException(String message) {
        super(message);
    }
}
