package dev.monitoringlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.monitoringlab.settings.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Figures that REPORT.md's prose quotes from the evidence (outside the blocks {@code report embed} refreshes, which
 * {@link EmbedCommandTest} checks): each is computed from its evidence file and must appear in the sentence that
 * quotes it. Line breaks in REPORT.md do not matter.
 */
class ReportProseTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path evidence;
    private static String report;

    @BeforeAll
    static void read() throws IOException {
        Path root = ProjectLayout.locate().root();
        evidence = root.resolve("report/evidence");
        report = Files.readString(root.resolve("report/REPORT.md")).replaceAll("\\s+", " ");
    }

    @Test
    void theMessageCountsAreThoseOfTheCapturedMessages() throws IOException {
        List<JsonNode> messages = Files.readAllLines(evidence.resolve("raw/messages.jsonl")).stream()
                .filter(line -> !line.isBlank()).map(ReportProseTest::json).toList();
        Map<String, Long> perReceiver = messages.stream()
                .collect(Collectors.groupingBy(m -> m.path("receiver").asText(), Collectors.counting()));
        Function<String, Map<String, Long>> titles = receiver -> messages.stream()
                .filter(m -> m.path("receiver").asText().equals(receiver))
                .collect(Collectors.groupingBy(m -> m.path("title").asText(), Collectors.counting()));
        assertThat(titles.apply("telegram")).as("Telegram got what Discord got").isEqualTo(titles.apply("discord"));

        long discord = perReceiver.get("discord");
        assertThat(report).contains("In our capture all " + discord + " notifications arrived in both with identical "
                + "subjects ([raw/messages.jsonl](evidence/raw/messages.jsonl): " + discord + " Discord, "
                + perReceiver.get("telegram") + " Telegram, " + perReceiver.get("slack") + " Slack)");
        assertThat(report).contains("The heartbeat webhook got the `Watchdog` alert " + perReceiver.get("heartbeat")
                + " times");
    }

    @Test
    void theMockValueCountIsTheCounterOnTheCapturedPage() throws IOException {
        Matcher m = Pattern.compile("(?m)^model_result_updates_total (\\d+)\\.0$")
                .matcher(Files.readString(evidence.resolve("raw/modelmock-metrics.txt")));
        assertThat(m.find()).as("raw/modelmock-metrics.txt has model_result_updates_total").isTrue();
        assertThat(report).contains("What the page served at the end of our run, after " + m.group(1) + " values");
    }

    @Test
    void theWorkshopAnswersAreTheServiceAnswers() throws IOException {
        List<JsonNode> answers = Files.readAllLines(evidence.resolve("raw/workshop-predictions.txt")).stream()
                .filter(line -> line.startsWith("{")).map(ReportProseTest::json).toList();
        assertThat(answers).hasSize(2);
        JsonNode few = answers.get(0);
        JsonNode many = answers.get(1);
        assertThat(report).contains("`model.predict([[1000, 1000]])` (1,000 items, 1,000 customers) answers **"
                + few.path("label").asInt() + ", `" + few.path("class").asText() + "`** here, probability of successful "
                + String.format(Locale.ROOT, "%.3f", few.path("probability").asDouble()));
        assertThat(report).contains("`[[2000, 5000]]` answers **" + many.path("label").asInt() + ", `"
                + many.path("class").asText() + "`**, probability "
                + String.format(Locale.ROOT, "%.11f", many.path("probability").asDouble()));
    }

    @Test
    void theStoreAlertDelaysAreThoseOfTheStoreTimeline() throws IOException {
        String timeline = Files.readString(evidence.resolve("store-timeline.md"));
        Matcher fired = Pattern.compile("\\| StoreSuccessRateLow firing in Prometheus \\| \\+(\\S+) after start faulty \\|")
                .matcher(timeline);
        Matcher resolved = Pattern.compile("\\| slack message: resolved \\(\\[RESOLVED\\] StoreSuccessRateLow [^|]*\\| "
                + "\\+(\\S+) after end faulty \\|").matcher(timeline);
        assertThat(fired.find()).as("store-timeline.md has the firing row").isTrue();
        assertThat(resolved.find()).as("store-timeline.md has the Slack resolved row").isTrue();
        assertThat(report).contains("the alert fires **" + fired.group(1) + "** after the start")
                .contains("The RESOLVED message reached Slack **" + resolved.group(1) + "** after normal traffic returned");
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + line, e);
        }
    }
}
