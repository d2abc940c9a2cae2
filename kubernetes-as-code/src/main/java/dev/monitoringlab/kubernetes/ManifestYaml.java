package dev.monitoringlab.kubernetes;

import dev.monitoringlab.rules.Yaml;
import java.util.regex.Pattern;

/**
 * Kubernetes manifests through the project's one YAML writer (rules-as-code's {@link Yaml}: strings that look like
 * numbers quoted, so a label value {@code "1"} stays a string; no line folding) and its one "generated - do not
 * edit" header. Map keys are written as given, so camelCase Kubernetes fields and snake_case
 * rule fields both come out as built.
 */
public final class ManifestYaml {
    public static final String HEADER = Yaml.HEADER;

    /**
     * A plain {@code =} (or {@code =~}) is YAML 1.1's "value" type, which PyYAML-based tools (Ansible's k8s module,
     * yamllint) refuse; Kubernetes reads it either way, so matcher types are quoted for everyone else.
     */
    private static final Pattern BARE_MATCH_TYPE = Pattern.compile("(?m)^(\\s*(?:- )?matchType: )(=~?)$");

    private ManifestYaml() {
    }

    public static String write(Object manifest) {
        return BARE_MATCH_TYPE.matcher(Yaml.write(manifest)).replaceAll("$1\"$2\"");
    }

    /** Reads a manifest back as plain maps and lists (tests; the same reader as the file configs'). */
    public static Object read(String yaml) {
        return Yaml.read(yaml);
    }
}
