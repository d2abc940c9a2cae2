package dev.monitoringlab.models;

/**
 * The tensor data types of the Open Inference Protocol (KServe V2, Triton, MLServer), spelled as the protocol
 * spells them in metadata and in infer requests. Inputs of this repository are numeric; BYTES is known so that a
 * request naming it gets a clear refusal rather than an unknown-type error.
 */
public enum Datatype {
    BOOL(true, 0, 1),
    UINT8(true, 0, 255),
    UINT16(true, 0, 65_535),
    UINT32(true, 0, 4_294_967_295d),
    UINT64(true, 0, 18_446_744_073_709_551_615d),
    INT8(true, -128, 127),
    INT16(true, -32_768, 32_767),
    INT32(true, Integer.MIN_VALUE, Integer.MAX_VALUE),
    INT64(true, Long.MIN_VALUE, Long.MAX_VALUE),
    FP16(false, -65_504, 65_504),
    FP32(false, -Float.MAX_VALUE, Float.MAX_VALUE),
    FP64(false, -Double.MAX_VALUE, Double.MAX_VALUE),
    BYTES(false, Double.NaN, Double.NaN);

    private final boolean integral;
    private final double lowest;
    private final double highest;

    Datatype(boolean integral, double lowest, double highest) {
        this.integral = integral;
        this.lowest = lowest;
        this.highest = highest;
    }

    /** Whole numbers only: a value with a fraction is not of this type. */
    public boolean integral() {
        return integral;
    }

    public boolean numeric() {
        return this != BYTES;
    }

    /** Whether {@code value} can be held by this type at all (before any range a model sets). */
    public boolean holds(double value) {
        if (!numeric() || Double.isNaN(value) || value < lowest || value > highest) {
            return false;
        }
        return !integral || value == Math.rint(value);
    }

    /** The enum constant for a protocol spelling, or null when the protocol has no such type. */
    public static Datatype parse(String text) {
        if (text == null) {
            return null;
        }
        for (Datatype d : values()) {
            if (d.name().equals(text)) {
                return d;
            }
        }
        return null;
    }
}
