package dev.monitoringlab.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the READMEs' commands may name, read from the checkout: modules, tests, profiles, jars, compose services. */
final class Project {
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern PROFILE_ID = Pattern.compile("<profile>\\s*<id>([^<]+)</id>");
    private static final Pattern DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>dev\\.monitoringlab</groupId>\\s*<artifactId>([^<]+)</artifactId>");

    final Path root;
    final List<String> modules;
    final Set<String> profiles = new HashSet<>();
    /** {@code module/target/name.jar} -> the main class its manifest names. */
    final Map<String, String> jars = new LinkedHashMap<>();
    private final List<String> ignored;

    Project(Path root) {
        this.root = root;
        String rootPom = read(root.resolve("pom.xml"));
        this.modules = MODULE.matcher(rootPom).results().map(r -> r.group(1).strip()).toList();
        collectProfiles(rootPom);
        for (String m : modules) {
            String pom = pom(m);
            collectProfiles(pom);
            pluginBlock(pom, "maven-shade-plugin").ifPresent(shade -> {
                String main = first(shade, "mainClass").orElse(null);
                Optional<String> name = first(shade, "finalName")
                        .or(() -> first(shade, "outputFile").map(f -> f.replace("${project.build.directory}/", "")
                                .replaceAll("\\.jar$", "")));
                name.ifPresent(n -> jars.put(m + "/target/" + n + ".jar", main));
            });
        }
        this.ignored = read(root.resolve(".gitignore")).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("!")).toList();
    }

    String pom(String module) {
        return read(root.resolve(module).resolve("pom.xml"));
    }

    private void collectProfiles(String pom) {
        PROFILE_ID.matcher(pom).results().forEach(r -> profiles.add(r.group(1).strip()));
    }

    /** The modules Maven builds for {@code -pl selected} (with {@code -am}: and the modules they depend on). */
    Set<String> reactor(List<String> selected, boolean alsoMake) {
        Set<String> out = new LinkedHashSet<>(selected.isEmpty() ? modules : selected);
        if (alsoMake) {
            List<String> todo = new ArrayList<>(out);
            while (!todo.isEmpty()) {
                String m = todo.remove(0);
                if (!modules.contains(m)) {
                    continue;
                }
                Matcher d = DEPENDENCY.matcher(pom(m));
                while (d.find()) {
                    if (modules.contains(d.group(1)) && out.add(d.group(1))) {
                        todo.add(d.group(1));
                    }
                }
            }
        }
        return out;
    }

    /** Simple names of the test classes of a module ({@code src/test/java}). */
    List<String> testClasses(String module) {
        Path dir = root.resolve(module).resolve("src/test/java");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
                    .map(n -> n.substring(0, n.length() - ".java".length())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean hasTests(String module) {
        return Files.isDirectory(root.resolve(module).resolve("src/test/java"));
    }

    /** Whether the module runs failsafe (declares it among its own build plugins). */
    boolean runsFailsafe(String module) {
        return modules.contains(module) && pom(module).contains("<artifactId>maven-failsafe-plugin</artifactId>");
    }

    /** The main class of the module's exec-maven-plugin configuration, for {@code mvn exec:java}. */
    Optional<String> execMainClass(String module) {
        return pluginBlock(pom(module), "exec-maven-plugin").flatMap(b -> first(b, "mainClass"));
    }

    /** The services of stack/docker-compose.yml. */
    Set<String> composeServices() {
        Set<String> out = new LinkedHashSet<>();
        boolean inServices = false;
        for (String line : read(root.resolve("stack/docker-compose.yml")).lines().toList()) {
            if (!line.startsWith(" ") && !line.startsWith("#") && !line.isBlank()) {
                inServices = line.startsWith("services:");
                continue;
            }
            Matcher m = Pattern.compile("^  ([A-Za-z0-9_.-]+):\\s*$").matcher(line);
            if (inServices && m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** Whether git ignores the path (root .gitignore: folder names anywhere, paths from the root, {@code *.ext}). */
    boolean isIgnored(String relative) {
        String path = relative.replaceAll("/+$", "");
        for (String pattern : ignored) {
            String p = pattern.replaceAll("^/", "").replaceAll("/\\*?$", "");
            if (p.startsWith("*.")) {
                if (path.endsWith(p.substring(1))) {
                    return true;
                }
            } else if (p.contains("/")) {
                if (path.equals(p) || path.startsWith(p + "/")) {
                    return true;
                }
            } else if (("/" + path + "/").contains("/" + p + "/")) {
                return true;
            }
        }
        return false;
    }

    static Optional<String> pluginBlock(String pom, String artifactId) {
        int at = pom.indexOf("<artifactId>" + artifactId + "</artifactId>");
        if (at < 0) {
            return Optional.empty();
        }
        int end = pom.indexOf("</plugin>", at);
        return Optional.of(pom.substring(at, end < 0 ? pom.length() : end));
    }

    static Optional<String> first(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]+)</" + element + ">").matcher(xml);
        return m.find() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
