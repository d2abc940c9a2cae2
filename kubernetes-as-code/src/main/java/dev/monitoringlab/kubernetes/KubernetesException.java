package dev.monitoringlab.kubernetes;

/** Something the typed sources hold that cannot become a valid Kubernetes object; the message is one line. */
public class KubernetesException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public KubernetesException(String message) {
        super(message);
    }
}
