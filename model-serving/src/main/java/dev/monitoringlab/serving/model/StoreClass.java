package dev.monitoringlab.serving.model;

/** The two classes of the store model; {@code label} is the value in the data set's label column. */
public enum StoreClass {
    NORMAL(0, "normal"),
    SUCCESSFUL(1, "successful");

    private final int label;
    private final String displayName;

    StoreClass(int label, String displayName) {
        this.label = label;
        this.displayName = displayName;
    }

    public int label() {
        return label;
    }

    /** The name in API responses and in the {@code class} label of the predictions counter. */
    public String displayName() {
        return displayName;
    }

    public static StoreClass ofLabel(int label) {
        return label == 1 ? SUCCESSFUL : NORMAL;
    }
}
