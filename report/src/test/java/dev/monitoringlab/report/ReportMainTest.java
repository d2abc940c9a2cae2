package dev.monitoringlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.stack.Ports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    private int run(String... args) {
        return ReportMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aMissingStackIsOneLineAndExitCode1AndWritesNothing() throws Exception {
        int port = Ports.free();
        int code = run("evidence", "--prometheus", "http://127.0.0.1:" + port, "--alertmanager",
                "http://127.0.0.1:" + port, "--out", dir.resolve("ev").toString());
        assertThat(code).isEqualTo(1);
        assertThat(err()).isEqualTo("report: no Prometheus answering at http://127.0.0.1:" + port
                + " (start the stack: ./run.sh, or stack/up.sh --native; or pass --prometheus URL)\n");
        assertThat(Files.exists(dir.resolve("ev"))).isFalse();
    }

    @Test
    void badFlagsAreUsageErrorsOfOneLine() {
        String[][] bad = {
            {"evidence", "--model-window", "forever"},
            {"evidence", "--model-window", "2d"},
            {"evidence", "--prometheus", "localhost:9090"},
            {"evidence", "--end", "yesterday"},
            {"nonsense"},
            {"firing-model", "--hours", "0"},
            {"record-webhooks", "--env", "x"},
            {},
        };
        String[] expected = {"--model-window", "longer than 1d", "base URL", "--end", "nonsense", "--hours", "--log",
            "no command given"};
        for (int i = 0; i < bad.length; i++) {
            err.reset();
            assertThat(run(bad[i])).as(String.join(" ", bad[i])).isEqualTo(2);
            assertThat(err()).as(String.join(" ", bad[i])).startsWith("report: ").contains(expected[i])
                    .doesNotContain("Exception").hasLineCount(1);
        }
    }

    @Test
    void helpListsTheCommandsAndTheEvidenceFlags() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("evidence", "record-webhooks", "firing-model", "embed");
        out.reset();
        assertThat(run("evidence", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--prometheus", "--alertmanager", "--phases", "--model-window", "default 15m", "--cpu-source");
        assertThat(err()).isEmpty();
    }

    @Test
    void aBrokenPhasesFileIsOneLine() throws Exception {
        Path phases = Files.writeString(dir.resolve("phases.csv"), "nonsense\n");
        // the stack check comes first, so point at a live-looking but absent stack: the phases file is not reached
        int code = run("evidence", "--phases", phases.toString(), "--prometheus", "http://127.0.0.1:" + Ports.free());
        assertThat(code).isEqualTo(1);
        assertThat(err().lines().count()).isEqualTo(1);
    }

    @Test
    void firingModelWritesItsTable() throws Exception {
        Path file = dir.resolve("firing.md");
        assertThat(run("firing-model", "--hours", "50", "--seed", "3", "--out", file.toString())).isZero();
        assertThat(Files.readString(file)).contains("| lab rule: no for | 0.75 | 135 |");
    }
}
