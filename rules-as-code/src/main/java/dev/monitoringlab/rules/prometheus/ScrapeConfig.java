package dev.monitoringlab.rules.prometheus;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One scrape job of prometheus.yml. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScrapeConfig(String jobName, List<StaticConfig> staticConfigs) {

    public static ScrapeConfig of(String jobName, List<String> targets) {
        return new ScrapeConfig(jobName, List.of(new StaticConfig(targets)));
    }
}
