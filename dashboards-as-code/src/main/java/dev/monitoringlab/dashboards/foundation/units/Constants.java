// Mirrors com.grafana.foundation.units.Constants of the Grafana Foundation SDK's Java flavour at commit
// f178d5a42a8915fdda9235e97ad93881e3f94fef (see dashboards-as-code/README.md): same names and parameter types,
// only the members used here.
package dev.monitoringlab.dashboards.foundation.units;

/** Grafana unit ids, named as in {@code com.grafana.foundation.units.Constants} (only those used here). */
public class Constants {
    /** Plain numbers with SI-style abbreviation (1.2 K). */
    public static final String Short = "short";
    /** Percent, 0-100. */
    public static final String Percent = "percent";
    /** Percent, 0.0-1.0. */
    public static final String PercentUnit = "percentunit";
    public static final String Seconds = "s";
    public static final String BytesPerSecondSI = "Bps";
    public static final String OpsPerSecond = "ops";
    public static final String RequestsPerSecond = "reqps";

    private Constants() {
    }
}
