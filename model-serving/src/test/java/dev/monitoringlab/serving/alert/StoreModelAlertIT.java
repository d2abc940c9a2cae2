package dev.monitoringlab.serving.alert;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.rules.StoreModelRules;
import dev.monitoringlab.serving.TestModels;
import dev.monitoringlab.serving.http.PredictionServer;
import dev.monitoringlab.serving.metrics.PrometheusServingMetrics;
import dev.monitoringlab.serving.traffic.TrafficRunner;
import dev.monitoringlab.serving.traffic.TrafficRunner.Scenario;
import dev.monitoringlab.settings.MonitoringSettings;
import dev.monitoringlab.settings.Setting;
import dev.monitoringlab.stack.NativeStack;
import dev.monitoringlab.stack.PrometheusApi;
import dev.monitoringlab.stack.Waits;
import dev.monitoringlab.stack.receivers.FakeSlack;
import dev.monitoringlab.stack.receivers.WebhookSink.Message;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workshop's alert end to end: the store model service on a free port, the real Prometheus and Alertmanager
 * from the generated configs, a local endpoint that answers like Slack. Faulty traffic (customers collapse)
 * must produce a FIRING message for StoreSuccessRateLow, normal traffic afterwards a RESOLVED one. Window and
 * 'for' are compressed to 20s/10s so the run takes about a minute; the expression is the production one.
 */
class StoreModelAlertIT {
    private static final String ALERT = "StoreSuccessRateLow";
    private static final Duration FIRING_WITHIN = Duration.ofSeconds(90);
    private static final Duration RESOLVED_WITHIN = Duration.ofSeconds(90);

    @TempDir
    Path work;

    private record Event(Instant at, String what) {
    }

    private final List<Event> timeline = new ArrayList<>();
    private Instant t0;
    private String lastState;

    @Test
    void faultyTrafficFiresToSlackAndNormalTrafficResolves() throws Exception {
        MonitoringSettings base = LiveStacks.onFreePorts()
                .with(Setting.STORE_SUCCESS_WINDOW, "20s")
                .with(Setting.STORE_SUCCESS_FOR, "10s");
        try (FakeSlack slack = new FakeSlack();
             PredictionServer service = PredictionServer.start(TestModels.model(),
                     new PrometheusServingMetrics(TestModels.model().descriptor()), "127.0.0.1",
                     base.port(Setting.STORE_MODEL_PORT), 2);
             NativeStack stack = NativeStack.builder(base.with(Setting.SLACK_WEBHOOK_URL, slack.url()))
                     .workDir(work).start();
             BackgroundTraffic traffic = new BackgroundTraffic(URI.create("http://127.0.0.1:" + service.port()))) {
            PrometheusApi prom = stack.prometheus();
            prom.awaitQuery("up{job=\"store_model\"}", r -> r.size() == 1 && r.get(0).value() == 1,
                    Duration.ofSeconds(30));
            String share = StoreModelRules.successRatio(stack.settings());

            t0 = Instant.now();
            event(t0, "faulty traffic starts (customers_count 50..600, 20 predictions/s)");
            traffic.play(Scenario.FAULTY);
            Message firing = watch(prom, slack, share, m -> FakeSlack.title(m).startsWith("[FIRING:1] " + ALERT),
                    FIRING_WITHIN);
            event(firing.receivedAt(), "Slack: " + FakeSlack.title(firing) + "| " + FakeSlack.text(firing).trim());
            assertThat(FakeSlack.text(firing)).as("the rule's description, with the compressed window")
                    .contains("of the store model's predictions over the last 20s were 'successful'", "drifted");
            assertThat(lastShare(prom, share)).as("share of successful predictions under faulty traffic")
                    .isLessThan(0.2);

            Instant switched = Instant.now();
            event(switched, "normal traffic starts (training distribution)");
            traffic.play(Scenario.NORMAL);
            Message resolved = watch(prom, slack, share, m -> FakeSlack.title(m).startsWith("[RESOLVED] " + ALERT),
                    RESOLVED_WITHIN);
            event(resolved.receivedAt(), "Slack: " + FakeSlack.title(resolved));
            assertThat(lastShare(prom, share)).as("share of successful predictions under normal traffic")
                    .isGreaterThan(0.2);
            assertThat(resolved.receivedAt()).isAfter(switched);
            assertThat(slack.rejections()).as("payloads the Slack look-alike refused").isEmpty();
            assertThat(traffic.errors()).as("failed prediction requests").isZero();
        } finally {
            System.out.println(timelineText());
        }
    }

    /** Polls Prometheus and Slack until the message arrives, noting the alert's state changes on the way. */
    private Message watch(PrometheusApi prom, FakeSlack slack, String share, Predicate<Message> wanted, Duration within) {
        Instant deadline = Instant.now().plus(within);
        Instant lastSharePrint = Instant.EPOCH;
        while (Instant.now().isBefore(deadline)) {
            // Prometheus first, so the timeline shows a state change before the message it causes
            String state = prom.alerts().stream().filter(a -> a.name().equals(ALERT)).map(PrometheusApi.Alert::state)
                    .findFirst().orElse("inactive");
            if (!state.equals(lastState)) {
                event(Instant.now(), "Prometheus: " + ALERT + " " + state);
                lastState = state;
            }
            Optional<Message> hit = slack.messages().stream().filter(wanted).findFirst();
            if (hit.isPresent()) {
                return hit.get();
            }
            if (Duration.between(lastSharePrint, Instant.now()).toSeconds() >= 5) {
                double s = lastShare(prom, share);
                if (!Double.isNaN(s)) {
                    event(Instant.now(), String.format(Locale.ROOT, "share of successful predictions %.3f", s));
                }
                lastSharePrint = Instant.now();
            }
            Waits.pause(Duration.ofMillis(250));
        }
        throw new AssertionError("no matching Slack message within " + within.toSeconds() + " s; received "
                + slack.messages().stream().map(FakeSlack::title).toList() + "; timeline:\n" + timelineText());
    }

    private static double lastShare(PrometheusApi prom, String expr) {
        List<PrometheusApi.Series> r = prom.query(expr);
        return r.isEmpty() ? Double.NaN : r.get(0).value();
    }

    private void event(Instant at, String what) {
        timeline.add(new Event(at, what));
    }

    private String timelineText() {
        StringBuilder sb = new StringBuilder();
        timeline.stream().sorted(java.util.Comparator.comparing(Event::at)).forEach(e -> sb.append(String.format(
                Locale.ROOT, "t+%5.1f s  %s%n", Duration.between(t0, e.at()).toMillis() / 1000.0, e.what())));
        return sb.toString();
    }

    /** Plays one scenario after another on a background thread, in 1 s chunks so a switch takes effect fast. */
    private static final class BackgroundTraffic implements AutoCloseable {
        private final TrafficRunner runner;
        private final Thread thread;
        private volatile Scenario scenario;
        private volatile boolean stop;
        private volatile long errors;

        BackgroundTraffic(URI url) {
            this.runner = new TrafficRunner(url);
            this.thread = new Thread(this::loop, "traffic");
            this.thread.setDaemon(true);
        }

        void play(Scenario next) {
            scenario = next;
            if (!thread.isAlive()) {
                thread.start();
            }
        }

        long errors() {
            return errors;
        }

        private void loop() {
            long seed = 1;
            while (!stop) {
                try {
                    errors += runner.run(scenario, 20, Duration.ofSeconds(1), seed++, null).errors();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.join(10_000);
        }
    }
}
