package dev.monitoringlab.stack.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.ExternalTool.Distribution;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.stack.AlertmanagerApi;
import dev.monitoringlab.stack.NativeStack;
import dev.monitoringlab.stack.PrometheusApi;
import dev.monitoringlab.stack.StackFaults;
import dev.monitoringlab.stack.receivers.FakeDiscord;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The mock killed (SIGKILL, as a crash) and started again, playing values that never cross 0.75: TargetDown
 * fires for job model_mock while it is gone and resolves once it is scraped again, and the restart itself makes
 * no ModelMockHighAccuracy message (no stale or default value above the threshold, no alert from the gap).
 * target-down.for is 10s here instead of 1m: the same rule, a shorter wait.
 */
final class ModelMockRestart {
    static final String TARGET_DOWN = "TargetDown";
    static final String MOCK_ALERT = "ModelMockHighAccuracy";

    private ModelMockRestart() {
    }

    static void run(Path work, Distribution distribution) {
        Timeline t = new Timeline("the model mock killed and started again");
        try (FakeDiscord discord = new FakeDiscord()) {
            MonitoringSettings s = FaultStacks.settings(discord.url()).with(Setting.TARGET_DOWN_FOR, "10s");
            try (NativeStack stack = NativeStack.builder(s).workDir(work).distribution(distribution).withModelMock("--values", "0.2,0.5").start()) {
                PrometheusApi prom = stack.prometheus();
                prom.awaitQuery("up{job=\"model_mock\"}", r -> r.size() == 1 && r.get(0).value() == 1,
                        Duration.ofSeconds(30));
                t.mark("stack ready; the mock plays 0.2, 0.5 (below 0.75) and is scraped");
                StackFaults.kill(stack, "modelmock");
                Instant killed = t.mark("injected: the mock killed (SIGKILL)");
                Instant firing = FaultStacks.await(TARGET_DOWN + " firing", Duration.ofSeconds(60),
                        () -> targetDown(prom, "firing").map(a -> Instant.now()));
                t.mark(firing, TARGET_DOWN + "{job=\"model_mock\"} firing in Prometheus");
                Instant inAm = FaultStacks.await(TARGET_DOWN + " active in Alertmanager", Duration.ofSeconds(70),
                        () -> mockDownIn(stack.alertmanager()).map(a -> Instant.now()));
                t.mark(inAm, TARGET_DOWN + " active in Alertmanager");
                StackFaults.startAgain(stack, "modelmock", Duration.ofSeconds(60));
                Instant back = t.mark("the mock started again and answers /metrics");
                Instant resolved = FaultStacks.await(TARGET_DOWN + " resolved", Duration.ofSeconds(60),
                        () -> targetDown(prom, "pending").or(() -> targetDown(prom, "firing")).isEmpty()
                                ? Optional.of(Instant.now()) : Optional.empty());
                t.mark(resolved, TARGET_DOWN + " resolved in Prometheus");
                Instant amResolved = FaultStacks.await(TARGET_DOWN + " no longer active in Alertmanager",
                        Duration.ofSeconds(30), () -> mockDownIn(stack.alertmanager()).isEmpty()
                                ? Optional.of(Instant.now()) : Optional.empty());
                t.mark(amResolved, TARGET_DOWN + " resolved in Alertmanager");
                // three more scrapes and evaluations of the restarted mock: a false alert would come now
                FaultStacks.hold(back.plusSeconds(15));
                discord.messages().forEach(m -> t.mark(m.receivedAt(), "ARRIVED: " + FakeDiscord.title(m)));
                var mockAlerts = prom.query("count_over_time(ALERTS{alertname=\"" + MOCK_ALERT + "\"}[10m])");
                t.result(String.format("%s fired %.1f s after the kill, resolved %.1f s after the mock was back",
                        TARGET_DOWN, seconds(killed, firing), seconds(back, resolved)));
                t.result(MOCK_ALERT + " messages: " + FaultStacks.firing(discord, MOCK_ALERT).size()
                        + "; " + MOCK_ALERT + " in Prometheus's ALERTS over the run: " + mockAlerts.size());
                t.result("lost: 0 (" + TARGET_DOWN + " fired and resolved), false messages: "
                        + FaultStacks.firing(discord, MOCK_ALERT).size());
                t.print();

                assertThat(FaultStacks.firing(discord, MOCK_ALERT)).as("false %s messages", MOCK_ALERT).isEmpty();
                assertThat(mockAlerts).as("%s never pending or firing", MOCK_ALERT).isEmpty();
                assertThat(firing).isAfter(killed.plus(s.duration(Setting.TARGET_DOWN_FOR)));
            }
        }
    }

    private static Optional<PrometheusApi.Alert> targetDown(PrometheusApi prom, String state) {
        return prom.alerts().stream().filter(a -> a.name().equals(TARGET_DOWN) && a.state().equals(state)
                && "model_mock".equals(a.labels().get("job"))).findFirst();
    }

    /** Only the mock's: with no store model or local node exporter running, their TargetDown fires too. */
    private static Optional<AlertmanagerApi.Alert> mockDownIn(AlertmanagerApi am) {
        return am.alerts().stream().filter(a -> TARGET_DOWN.equals(a.name()) && a.state().equals("active")
                && "model_mock".equals(a.labels().get("job"))).findFirst();
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
