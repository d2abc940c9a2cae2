package dev.monitoringlab.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.monitoringlab.rules.prometheus.AlertRule;
import dev.monitoringlab.rules.prometheus.RuleGroup;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.ProjectLayout;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.settings.SettingsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every alert links its runbook, and every runbook page exists and says what it means, how to check, how to fix. */
class RunbooksTest {
    private static final Path ROOT = ProjectLayout.locate().root();

    private static List<AlertRule> rules(MonitoringSettings s) {
        return ConfigGenerator.ruleGroups(s).stream().map(RuleGroup::rules).flatMap(List::stream).toList();
    }

    @Test
    void everyAlertLinksItsPageUnderTheBaseUrl() {
        for (AlertRule rule : rules(MonitoringSettings.defaults())) {
            assertThat(rule.annotations()).as(rule.alert())
                    .containsEntry(Runbooks.ANNOTATION, "docs/runbooks/" + rule.alert() + ".md");
        }
        MonitoringSettings hosted = MonitoringSettings.defaults()
                .with(Setting.RUNBOOKS_BASE_URL, "https://git.example/lab/blob/main/docs/runbooks/");
        assertThat(rules(hosted)).allSatisfy(rule -> assertThat(rule.annotations().get(Runbooks.ANNOTATION))
                .isEqualTo("https://git.example/lab/blob/main/docs/runbooks/" + rule.alert() + ".md"));
    }

    @Test
    void everyRunbookPageExistsWithItsThreeSections() throws IOException {
        List<AlertRule> rules = rules(MonitoringSettings.defaults());
        assertThat(rules).hasSizeGreaterThanOrEqualTo(7);
        for (AlertRule rule : rules) {
            Path page = Runbooks.file(ROOT, rule);
            assertThat(page).as("runbook of " + rule.alert()).isRegularFile();
            String text = Files.readString(page);
            assertThat(text).as(page.toString()).startsWith("# " + rule.alert() + "\n")
                    .contains("\n## What it means\n", "\n## How to check\n", "\n## How to fix\n");
        }
    }

    @Test
    void noPageIsLeftForAnAlertThatNoLongerExists() throws IOException {
        List<String> pages;
        try (Stream<Path> files = Files.list(ROOT.resolve(Runbooks.DIR))) {
            pages = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md") && !n.equals("README.md"))
                    .toList();
        }
        assertThat(pages).containsExactlyInAnyOrderElementsOf(
                rules(MonitoringSettings.defaults()).stream().map(r -> Runbooks.page(r.alert())).distinct().toList());
    }

    @Test
    void aBaseUrlThatIsNeitherALinkNorAPathIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> MonitoringSettings.defaults().with(Setting.RUNBOOKS_BASE_URL, "docs runbooks"))
                .isInstanceOf(SettingsException.class).hasMessageContaining("runbooks.base-url")
                .hasMessageContaining("relative path");
    }
}
