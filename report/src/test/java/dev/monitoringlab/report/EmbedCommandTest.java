package dev.monitoringlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.settings.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedCommandTest {
    @TempDir
    Path dir;

    @Test
    void blocksAreReplacedWithTheEvidenceAndTheRestIsLeftAlone() throws IOException {
        Files.createDirectories(dir.resolve("raw"));
        Files.writeString(dir.resolve("raw/modelmock-metrics.txt"), "model_result 0.5\n");
        Files.writeString(dir.resolve("firing-model.md"), "# title\n\nintro\n\n| rule variant | x |\n|---|---|\n| a | 1 |\n\nRegenerate: ...\n");
        String report = "before\n<!-- evidence:mock-metrics -->\nold\n<!-- /evidence:mock-metrics -->\nmiddle\n"
                + "<!-- evidence:firing-model -->\n<!-- /evidence:firing-model -->\nafter\n";

        String out = EmbedCommand.embed(report, dir);

        assertThat(out).isEqualTo("before\n<!-- evidence:mock-metrics -->\n```text\nmodel_result 0.5\n```\n"
                + "<!-- /evidence:mock-metrics -->\nmiddle\n<!-- evidence:firing-model -->\n| rule variant | x |\n"
                + "|---|---|\n| a | 1 |\n<!-- /evidence:firing-model -->\nafter\n");
        assertThat(EmbedCommand.embed(out, dir)).as("embedding twice changes nothing").isEqualTo(out);
    }

    @Test
    void unknownBlocksAndMissingFilesAreErrors() {
        assertThatThrownBy(() -> EmbedCommand.embed("<!-- evidence:nope -->\n<!-- /evidence:nope -->\n", dir))
                .hasMessageContaining("unknown evidence block 'nope'");
        assertThatThrownBy(() -> EmbedCommand.embed("<!-- evidence:cpu-timeline -->\n<!-- /evidence:cpu-timeline -->\n",
                dir)).hasMessageContaining("cpu-timeline.md cannot be read");
    }

    @Test
    void theCommittedReportShowsTheCommittedEvidence() throws IOException {
        Path root = ProjectLayout.locate().root();
        String report = Files.readString(root.resolve("report/REPORT.md"));
        assertThat(report).contains("<!-- evidence:cpu-timeline -->");
        assertThat(EmbedCommand.embed(report, root.resolve("report/evidence")))
                .as("REPORT.md is behind report/evidence: run java -jar report/target/report.jar embed")
                .isEqualTo(report);
    }
}
