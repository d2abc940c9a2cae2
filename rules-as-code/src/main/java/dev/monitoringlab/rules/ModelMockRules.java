package dev.monitoringlab.rules;

import dev.monitoringlab.rules.prometheus.AlertRule;
import dev.monitoringlab.rules.prometheus.RuleGroup;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Promql;
import dev.monitoringlab.settings.Setting;
import java.util.List;

/** Lab 7.4: alert when the mocked model's output goes above the threshold. */
public final class ModelMockRules {
    public static final String GROUP = "model-mock";
    public static final String COMPONENT = "model-mock";

    private ModelMockRules() {
    }

    public static RuleGroup group(MonitoringSettings s) {
        return new RuleGroup(GROUP, List.of(highAccuracy(s)));
    }

    /** The lab's rule, with the lab's annotations; {@code for} is 0s unless the settings say otherwise. */
    static AlertRule highAccuracy(MonitoringSettings s) {
        return AlertRule.builder("ModelMockHighAccuracy")
                .expr(Promql.series("model_result", s.selector(Setting.MODEL_MOCK_SELECTOR)) + " > "
                        + s.raw(Setting.MODEL_MOCK_THRESHOLD))
                .forDuration(s.promDuration(Setting.MODEL_MOCK_FOR))
                .label("severity", "warning")
                .label("component", COMPONENT)
                .summary("Model mock accuracy is very high")
                .description("Model mock accuracy is very high at {{ $value }}")
                .build();
    }
}
