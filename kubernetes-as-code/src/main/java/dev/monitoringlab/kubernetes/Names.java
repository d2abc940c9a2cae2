package dev.monitoringlab.kubernetes;

import java.util.Locale;

/** Object names as Kubernetes accepts them, made from the names the typed sources use (groups, uids). */
public final class Names {
    /** DNS-1123 label: what namespaces, Services and most object names must be. */
    public static final String DNS_1123_LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";

    private Names() {
    }

    /**
     * Lower case, every other character a '-', trimmed to 63; a rule group called {@code store_model} becomes
     * {@code store-model}. Two sources that map to one name are refused where the objects are collected.
     */
    public static String dns1123Label(String source) {
        String name = source.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("-{2,}", "-");
        if (name.length() > 63) {
            name = name.substring(0, 63);
        }
        name = name.replaceAll("^-+|-+$", "");
        if (!name.matches(DNS_1123_LABEL)) {
            throw new KubernetesException("'" + source + "' cannot be made into a Kubernetes name");
        }
        return name;
    }
}
