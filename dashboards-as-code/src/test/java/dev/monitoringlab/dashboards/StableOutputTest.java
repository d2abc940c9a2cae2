package dev.monitoringlab.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated files are the same bytes from one build to the next: two separate JVMs, with a different locale,
 * time zone and identity hash codes, write byte-identical dashboards and provisioning files. (Two renders in one
 * JVM would share all of those and could not tell.)
 */
class StableOutputTest {
    @TempDir
    Path dir;

    @Test
    void twoJvmsWithDifferentLocaleAndTimeZoneWriteTheSameBytes() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root/stack")).getParent();
        ModelFolders.copyCommitted(root);
        Path a = generate(root, dir.resolve("a"), "-Duser.language=en", "-Duser.country=US", "-Duser.timezone=UTC");
        Path b = generate(root, dir.resolve("b"), "-Duser.language=de", "-Duser.country=DE",
                "-Duser.timezone=Pacific/Kiritimati");
        List<Path> files = relativeFiles(a);
        assertThat(files).hasSize(6).isEqualTo(relativeFiles(b)); // four dashboards, two provisioning files
        for (Path f : files) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
    }

    private static Path generate(Path root, Path out, String... jvmFlags) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmFlags));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--root", root.toString(), "--out", out.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the generator JVM did not finish in 120 s");
        }
        assertThat(p.exitValue()).as(output).isZero();
        return out;
    }

    private static List<Path> relativeFiles(Path top) throws IOException {
        try (Stream<Path> files = Files.walk(top)) {
            return files.filter(Files::isRegularFile).map(top::relativize).sorted().toList();
        }
    }
}
