package dev.monitoringlab.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * The YAML writer every generator goes through (Prometheus, Alertmanager, Grafana provisioning): snake_case
 * property names (map keys are written as given), no document marker, and the one "do not edit" header.
 */
public final class Yaml {
    /** What every generated file says first (YAML as a comment, dashboards at the start of their description). */
    public static final String GENERATED_NOTE = "generated from the settings object by mvn package - do not edit";
    public static final String HEADER = "# " + GENERATED_NOTE + ".\n"
            + "# Change stack/settings.properties (see stack/settings.example.properties) and run mvn package.\n";

    private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private Yaml() {
    }

    public static String write(Object config) {
        try {
            return HEADER + MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + config.getClass().getSimpleName(), e);
        }
    }

    /** For tests: read a generated file back as plain maps and lists. */
    public static Object read(String yaml) {
        try {
            return MAPPER.readValue(yaml, Object.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not YAML: " + e.getOriginalMessage(), e);
        }
    }
}
