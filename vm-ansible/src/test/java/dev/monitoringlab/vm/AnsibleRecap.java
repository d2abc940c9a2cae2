package dev.monitoringlab.vm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PLAY RECAP block of ansible-playbook's output: per host, the counters ok, changed, failed, ... */
final class AnsibleRecap {
    private static final Pattern HOST_LINE = Pattern.compile("^(\\S+)\\s+:\\s+((?:\\w+=\\d+\\s*)+)$");
    private static final Pattern COUNTER = Pattern.compile("(\\w+)=(\\d+)");

    private AnsibleRecap() {
    }

    /** Counters per host from the last PLAY RECAP in {@code output}; empty when there is none. */
    static Map<String, Map<String, Integer>> parse(String output) {
        int at = output.lastIndexOf("PLAY RECAP");
        Map<String, Map<String, Integer>> hosts = new LinkedHashMap<>();
        if (at < 0) {
            return hosts;
        }
        for (String line : output.substring(at).split("\n")) {
            Matcher m = HOST_LINE.matcher(line.strip());
            if (m.matches()) {
                Map<String, Integer> counters = new LinkedHashMap<>();
                Matcher c = COUNTER.matcher(m.group(2));
                while (c.find()) {
                    counters.put(c.group(1), Integer.parseInt(c.group(2)));
                }
                hosts.put(m.group(1), counters);
            }
        }
        return hosts;
    }
}
