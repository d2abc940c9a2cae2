package dev.monitoringlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.ProjectLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Lab extension "packages in the virtual environment are not on the host", for Java: client_java lives in the
 * project's build (Maven's ~/.m2 cache and the shaded modelmock.jar), not in the system's /usr/share/java, and a JVM
 * given only the system's jars cannot load it.
 */
class DependencyIsolationTest {
    private static final String GAUGE = "io.prometheus.metrics.core.metrics.Gauge";
    private static final String ENTRY = GAUGE.replace('.', '/') + ".class";
    private static final Path SYSTEM_JARS = Path.of("/usr/share/java");
    /**
     * A class that is in the system's jars (Debian's maven depends on libcommons-lang3-java): the control that proves
     * a JVM given the system's jars does see them, so its not finding client_java means something.
     */
    private static final String SYSTEM_CLASS = "org.apache.commons.lang3.StringUtils";
    private static final String SYSTEM_PACKAGE = "libcommons-lang3-java";

    /** The system's jars; a machine without them could not show isolation from them, so that is a failure. */
    private static List<Path> systemJars() throws IOException {
        assertThat(SYSTEM_JARS).as("no %s: install the Debian package %s (Debian's maven brings it)", SYSTEM_JARS,
                SYSTEM_PACKAGE).isDirectory();
        try (Stream<Path> files = Files.walk(SYSTEM_JARS)) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar") && Files.isRegularFile(p)).toList();
            assertThat(jars).as("no jars under %s: install the Debian package %s", SYSTEM_JARS, SYSTEM_PACKAGE)
                    .isNotEmpty();
            return jars;
        }
    }

    private static Path mockJar() {
        Path jar = ProjectLayout.locate().root().resolve("modelmock/target/modelmock.jar");
        assertThat(jar).as("build the mock first: mvn -pl modelmock -am package").isRegularFile();
        return jar;
    }

    @Test
    void theShadedMockCarriesClientJava() throws IOException {
        try (ZipFile zip = new ZipFile(mockJar().toFile())) {
            assertThat(zip.getEntry(ENTRY)).isNotNull();
        }
    }

    @Test
    void noSystemJarHoldsClientJava() throws IOException {
        List<String> holders = new ArrayList<>();
        for (Path jar : systemJars()) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                if (zip.getEntry(ENTRY) != null) {
                    holders.add(jar.toString());
                }
            } catch (IOException unreadable) {
                // not a zip we can open: it cannot give the JVM classes either
            }
        }
        assertThat(holders).as("jars under /usr/share/java with " + ENTRY).isEmpty();
    }

    @Test
    void aJvmWithOnlyTheSystemJarsCannotLoadItButOneWithTheProjectsJarCan() throws Exception {
        String probe = Path.of(ClassProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        systemJars();
        Result control = run(SYSTEM_JARS + "/*:" + probe, SYSTEM_CLASS);
        assertThat(control.code()).as("the system's jars must be visible to the probe (install %s): %s", SYSTEM_PACKAGE,
                control.out()).isZero();
        Result system = run(SYSTEM_JARS + "/*:" + probe, GAUGE);
        Result project = run(mockJar() + ":" + probe, GAUGE);
        assertThat(system.code()).as(system.out()).isEqualTo(3);
        assertThat(project.code()).as(project.out()).isZero();
        assertThat(project.out()).contains("modelmock.jar");
    }

    private record Result(int code, String out) {
    }

    private static Result run(String classPath, String className) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", classPath, ClassProbe.class.getName(), className)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the probe JVM did not finish in 60 s");
        }
        return new Result(p.exitValue(), out.strip());
    }
}
