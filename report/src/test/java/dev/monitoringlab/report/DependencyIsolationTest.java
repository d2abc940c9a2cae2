package dev.monitoringlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.ProjectLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lab extension "packages in the virtual environment are not on the host", for Java: client_java comes from the
 * project's build (the version pinned in the pom, resolved into Maven's local repository, and packed into the shaded
 * modelmock.jar), and a JVM given nothing but the JDK cannot load it. Nothing here reads what the host has installed.
 */
class DependencyIsolationTest {
    private static final String GAUGE = "io.prometheus.metrics.core.metrics.Gauge";
    private static final String ENTRY = GAUGE.replace('.', '/') + ".class";

    @TempDir
    Path probeDir;

    private static Path mockJar() {
        Path jar = ProjectLayout.locate().root().resolve("modelmock/target/modelmock.jar");
        assertThat(jar).as("build the mock first: mvn -pl modelmock -am package").isRegularFile();
        return jar;
    }

    /** A system property the build passes to the tests (see report/pom.xml). */
    private static String buildProperty(String name) {
        String value = System.getProperty(name);
        assertThat(value).as("system property %s, set by report/pom.xml's surefire configuration", name)
                .isNotBlank();
        return value;
    }

    /** The jar this test's class path loads client_java's Gauge from. */
    private static Path gaugeJar() throws Exception {
        return Path.of(Class.forName(GAUGE).getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void theShadedMockCarriesClientJava() throws IOException {
        try (ZipFile zip = new ZipFile(mockJar().toFile())) {
            assertThat(zip.getEntry(ENTRY)).isNotNull();
        }
    }

    @Test
    void clientJavaResolvesFromMavensLocalRepositoryAtThePinnedVersion() throws Exception {
        Path repository = Path.of(buildProperty("isolation.maven.repository")).toAbsolutePath().normalize();
        String version = buildProperty("isolation.prometheus.version");
        Path jar = gaugeJar().toAbsolutePath().normalize();
        assertThat(jar).as("where the build got client_java from").startsWith(repository)
                .isEqualTo(repository.resolve("io/prometheus/prometheus-metrics-core/" + version
                        + "/prometheus-metrics-core-" + version + ".jar"));
        assertThat(jar.toString()).as("not a system library").doesNotStartWith("/usr/share/");
    }

    @Test
    void aJvmWithOnlyTheJdkCannotLoadItButOneWithTheProjectsJarsCan() throws Exception {
        Path probe = probeOnly();
        Result jdkOnly = run(probe.toString(), GAUGE);
        Result control = run(probe.toString(), "java.net.http.HttpClient");
        Result mock = run(mockJar() + ":" + probe, GAUGE);
        Result repository = run(String.join(":", clientJavaJars()) + ":" + probe, GAUGE);
        assertThat(control.code()).as("the probe loads a JDK class: %s", control.out()).isZero();
        assertThat(jdkOnly.code()).as(jdkOnly.out()).isEqualTo(3);
        assertThat(mock.code()).as(mock.out()).isZero();
        assertThat(mock.out()).contains("modelmock.jar");
        assertThat(repository.code()).as(repository.out()).isZero();
        assertThat(repository.out()).contains("prometheus-metrics-core");
    }

    /** The jars of Gauge and of every type it extends or implements: what loading it needs, from this class path. */
    private static Set<String> clientJavaJars() throws Exception {
        Set<String> jars = new LinkedHashSet<>();
        Deque<Class<?>> types = new ArrayDeque<>(List.of(Class.forName(GAUGE)));
        while (!types.isEmpty()) {
            Class<?> type = types.pop();
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source != null) { // null for the JDK's own classes
                jars.add(Path.of(source.getLocation().toURI()).toString());
            }
            if (type.getSuperclass() != null) {
                types.push(type.getSuperclass());
            }
            types.addAll(List.of(type.getInterfaces()));
        }
        assertThat(jars).allMatch(jar -> jar.contains("/io/prometheus/"), "client_java's own jars");
        return jars;
    }

    /** A class path holding nothing but {@link ClassProbe}, copied out of the test classes. */
    private Path probeOnly() throws IOException {
        String entry = ClassProbe.class.getName().replace('.', '/') + ".class";
        Path target = probeDir.resolve(entry);
        Files.createDirectories(target.getParent());
        try (InputStream in = ClassProbe.class.getClassLoader().getResourceAsStream(entry)) {
            assertThat(in).as(entry).isNotNull();
            Files.copy(in, target);
        }
        try (var files = Files.walk(probeDir)) {
            assertThat(files.filter(Files::isRegularFile)).containsExactly(target);
        }
        return probeDir;
    }

    private record Result(int code, String out) {
    }

    private static Result run(String classPath, String className) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", classPath, ClassProbe.class.getName(), className)
                .redirectErrorStream(true);
        pb.environment().remove("CLASSPATH");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the probe JVM did not finish in 60 s");
        }
        return new Result(p.exitValue(), out.strip());
    }
}
