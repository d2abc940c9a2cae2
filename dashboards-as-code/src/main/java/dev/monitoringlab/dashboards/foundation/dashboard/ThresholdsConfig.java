package dev.monitoringlab.dashboards.foundation.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A panel's threshold steps, sorted by value, the first being the base step (value null). */
public class ThresholdsConfig {
    @JsonProperty("mode")
    public ThresholdsMode mode;
    @JsonProperty("steps")
    public List<Threshold> steps;
}
