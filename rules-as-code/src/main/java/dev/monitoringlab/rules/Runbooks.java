package dev.monitoringlab.rules;

import dev.monitoringlab.rules.prometheus.AlertRule;
import dev.monitoringlab.rules.prometheus.RuleGroup;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import java.nio.file.Path;

/**
 * The one place that gives every alert its {@code runbook_url} (after kubernetes-mixin's add-runbook-links): the
 * page {@code <runbooks.base-url>/<AlertName>.md}, one Markdown file per alert in {@code docs/runbooks/}.
 */
public final class Runbooks {
    public static final String ANNOTATION = "runbook_url";
    /** Where the pages live in the repository, whatever base URL the links use. */
    public static final Path DIR = Path.of("docs", "runbooks");

    private Runbooks() {
    }

    public static RuleGroup link(RuleGroup group, MonitoringSettings s) {
        return group.map(rule -> rule.withAnnotation(ANNOTATION, url(s, rule.alert())));
    }

    public static String url(MonitoringSettings s, String alert) {
        String base = s.raw(Setting.RUNBOOKS_BASE_URL).trim().replaceAll("/+$", "");
        return base + "/" + page(alert);
    }

    public static String page(String alert) {
        return alert + ".md";
    }

    /** For checks: the page of {@code rule} under the repository root. */
    public static Path file(Path repositoryRoot, AlertRule rule) {
        return repositoryRoot.resolve(DIR).resolve(page(rule.alert()));
    }
}
