package dev.monitoringlab.kubernetes;

import java.util.LinkedHashMap;
import java.util.Map;

/** Ordered maps written like the YAML they become: {@code Tree.map("name", "http", "port", 8000)}. */
final class Tree {
    private Tree() {
    }

    static Map<String, Object> map(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
