package dev.monitoringlab.settings;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A binary of the monitoring components (promtool, amtool, prometheus, ...), the one place that finds it. Each
 * comes in two {@link Distribution}s: Debian 12's package on PATH (the oldest version supported) and the pinned
 * current release that {@code scripts/current-versions.sh} keeps in a cache folder (the newest).
 */
public record ExternalTool(List<String> names, String debianPackage) {
    public static final ExternalTool PROMTOOL = new ExternalTool(List.of("promtool"), "prometheus");
    public static final ExternalTool PROMETHEUS = new ExternalTool(List.of("prometheus"), "prometheus");
    public static final ExternalTool AMTOOL = new ExternalTool(List.of("amtool"), "prometheus-alertmanager");
    public static final ExternalTool ALERTMANAGER =
            new ExternalTool(List.of("prometheus-alertmanager", "alertmanager"), "prometheus-alertmanager");
    public static final ExternalTool NODE_EXPORTER =
            new ExternalTool(List.of("prometheus-node-exporter", "node_exporter"), "prometheus-node-exporter");
    public static final ExternalTool VICTORIA_METRICS =
            new ExternalTool(List.of("victoria-metrics", "victoria-metrics-prod"), "victoria-metrics");

    /** Environment variable (or system property {@code tools.dir}) naming the folder of the current binaries. */
    public static final String TOOLS_DIR_ENV = "LAB_TOOLS_DIR";
    /** Environment variable (or system property {@code tools.distributions}): which distributions tests use. */
    public static final String DISTRIBUTIONS_ENV = "LAB_DISTRIBUTIONS";

    /** Where a binary comes from. */
    public enum Distribution {
        /** Debian 12's packages on PATH: the oldest versions the project supports. */
        DEBIAN,
        /** The releases pinned in scripts/current-versions.txt, fetched by scripts/current-versions.sh. */
        CURRENT;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Both, oldest first, or those named in LAB_DISTRIBUTIONS / -Dtools.distributions (comma-separated). */
        public static List<Distribution> selected() {
            String raw = Optional.ofNullable(System.getProperty("tools.distributions"))
                    .orElse(Optional.ofNullable(System.getenv(DISTRIBUTIONS_ENV)).orElse(""));
            return parse(raw);
        }

        /** Comma-separated ids, e.g. {@code debian,current}; blank: both. */
        public static List<Distribution> parse(String raw) {
            if (raw.isBlank()) {
                return List.of(DEBIAN, CURRENT);
            }
            List<Distribution> out = new ArrayList<>();
            for (String part : raw.split(",")) {
                String id = part.strip();
                Distribution d = java.util.Arrays.stream(values()).filter(v -> v.id().equals(id)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(DISTRIBUTIONS_ENV + ": unknown distribution '"
                                + id + "' (known: debian, current)"));
                if (!out.contains(d)) {
                    out.add(d);
                }
            }
            return List.copyOf(out);
        }
    }

    /** A binary found, with its distribution and the version it reports. */
    public record Found(ExternalTool tool, Distribution distribution, Path path, String version) {
        /** e.g. {@code prometheus 3.5.3 (current)}. */
        public String describe() {
            return tool.shortName() + " " + version + " (" + distribution.id() + ")";
        }
    }

    /** Thrown when the binary is not installed; the message names the package or the script that fetches it. */
    public static final class MissingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public MissingException(String message) {
            super(message);
        }
    }

    /** How people call it: alertmanager, node exporter (not the Debian package's binary name). */
    public String shortName() {
        return names.get(0).replaceFirst("^prometheus-", "").replace('-', ' ');
    }

    /** On PATH (Debian's package), as before distributions existed. */
    public Optional<Path> find() {
        return find(Distribution.DEBIAN);
    }

    public Optional<Path> find(Distribution distribution) {
        if (distribution == Distribution.CURRENT) {
            return firstExecutable(List.of(currentDir().toString()));
        }
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        return firstExecutable(List.of(path.split(File.pathSeparator)));
    }

    private Optional<Path> firstExecutable(List<String> dirs) {
        for (String name : names) {
            for (String dir : dirs) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    public Path require() {
        return require(Distribution.DEBIAN);
    }

    public Path require(Distribution distribution) {
        return find(distribution).orElseThrow(() -> missing(distribution));
    }

    /** The binary of that distribution with its version, or a {@link MissingException} saying how to get it. */
    public Found locate(Distribution distribution) {
        Path path = require(distribution);
        String version = version(path);
        if (version.equals("unknown")) {
            version = packageVersion(distribution).orElse(version);
        }
        return new Found(this, distribution, path, version);
    }

    /** The newest available: the current release when cached, else Debian's on PATH. */
    public Found newest() {
        Distribution d = find(Distribution.CURRENT).isPresent() ? Distribution.CURRENT : Distribution.DEBIAN;
        return locate(d);
    }

    private MissingException missing(Distribution distribution) {
        String what = String.join("/", names);
        if (distribution == Distribution.CURRENT) {
            return new MissingException(what + " not found in " + currentDir() + " (the current release): run"
                    + " scripts/current-versions.sh to fetch it, or set " + TOOLS_DIR_ENV + " to its folder");
        }
        return new MissingException(what + " not found on PATH: install the Debian package '" + debianPackage
                + "' (sudo apt-get install " + debianPackage + ", or run scripts/install-deps.sh)");
    }

    /**
     * The folder scripts/current-versions.sh links the current binaries into: {@code LAB_TOOLS_DIR} (or
     * {@code -Dtools.dir}) when set, else the script's own default,
     * {@code ${LAB_CACHE_DIR:-${XDG_CACHE_HOME:-~/.cache}/monitoring-lab}/current/bin}.
     */
    public static Path currentDir() {
        return currentDir(System.getenv(), System.getProperty("tools.dir"), System.getProperty("user.home"));
    }

    static Path currentDir(Map<String, String> env, String property, String home) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        if (!env.getOrDefault(TOOLS_DIR_ENV, "").isBlank()) {
            return Path.of(env.get(TOOLS_DIR_ENV));
        }
        Path cache;
        if (!env.getOrDefault("LAB_CACHE_DIR", "").isBlank()) {
            cache = Path.of(env.get("LAB_CACHE_DIR"));
        } else if (!env.getOrDefault("XDG_CACHE_HOME", "").isBlank()) {
            cache = Path.of(env.get("XDG_CACHE_HOME"), "monitoring-lab");
        } else {
            cache = Path.of(home, ".cache", "monitoring-lab");
        }
        return cache.resolve("current").resolve("bin");
    }

    private static final Pattern VERSION = Pattern.compile("version v?(\\d+(?:\\.\\d+)+)");
    private static final Pattern BARE_VERSION = Pattern.compile("\\bv(\\d+\\.\\d+\\.\\d+)");

    /** What the binary says of itself ({@code --version}, else Go's {@code -version}), e.g. 3.5.3, or "unknown". */
    public static String version(Path binary) {
        for (String flag : List.of("--version", "-version")) {
            String out = run(binary, flag);
            Matcher m = VERSION.matcher(out);
            if (m.find()) {
                return m.group(1);
            }
            m = BARE_VERSION.matcher(out);
            if (m.find()) {
                return m.group(1);
            }
        }
        return "unknown";
    }

    /**
     * The package's version, for a binary that does not report its own (Debian's victoria-metrics prints an empty
     * line): the cache's versions.txt for the current release, dpkg for Debian's.
     */
    private Optional<String> packageVersion(Distribution distribution) {
        if (distribution == Distribution.CURRENT) {
            try {
                for (String line : Files.readAllLines(currentDir().resolveSibling("versions.txt"))) {
                    String[] f = line.strip().split("\\s+");
                    if (f.length == 2 && f[0].equals(debianPackage)) {
                        return Optional.of(f[1]);
                    }
                }
            } catch (IOException e) {
                return Optional.empty();
            }
            return Optional.empty();
        }
        Matcher m = Pattern.compile("^(?:\\d+:)?(\\d+(?:\\.\\d+)+)")
                .matcher(run(List.of("dpkg-query", "-W", "-f=${Version}", debianPackage)).strip());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String run(Path binary, String flag) {
        return run(List.of(binary.toString(), flag));
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
