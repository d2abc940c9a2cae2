package dev.monitoringlab.stack.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.ExternalTool.Distribution;
import dev.monitoringlab.stack.NativeStack;
import dev.monitoringlab.stack.receivers.FailingDiscord;
import dev.monitoringlab.stack.receivers.FailingDiscord.Attempt;
import dev.monitoringlab.stack.receivers.FailingDiscord.Fault;
import dev.monitoringlab.stack.receivers.FakeDiscord;
import dev.monitoringlab.stack.receivers.WebhookSink.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The Discord endpoint fails for 60 s while ModelMockHighAccuracy fires: 20 s of 500, 20 s of 429 with
 * Retry-After, 20 s without any answer; then it recovers. Alertmanager 0.25 retries a 500 within one attempt,
 * gives up on a 429 at once (Discord's notifier treats it as unrecoverable and ignores Retry-After), and cancels
 * a hung request when the flush's timeout (group_interval, at least 10 s) ends. Nothing is logged as sent until a
 * request succeeds, so every flush of the group (group_interval 1s) tries again: the message arrives after the
 * recovery, once.
 */
final class ReceiverOutage {
    static final String ALERT = "ModelMockHighAccuracy";
    static final Duration PHASE = Duration.ofSeconds(20);

    private ReceiverOutage() {
    }

    static void run(Path work, Distribution distribution) throws IOException {
        Timeline t = new Timeline("Discord receiver outage (500, 429, hang; 60 s in all)");
        try (FailingDiscord discord = new FailingDiscord()) {
            discord.inject(Fault.status(500));
            t.mark("injected: Discord answers 500");
            try (NativeStack stack = NativeStack.builder(FaultStacks.settings(discord.url())).workDir(work).distribution(distribution)
                    .withModelMock("--values", "0.9").start()) {
                t.mark("stack ready; the mock serves 0.9 (above 0.75) from now on");
                Instant firing = FaultStacks.await(ALERT + " firing in Prometheus", Duration.ofSeconds(60),
                        () -> FaultStacks.prometheusAlert(stack.prometheus(), ALERT, "firing").map(a -> Instant.now()));
                t.mark(firing, ALERT + " firing in Prometheus");
                Outage o = playOutage(discord, t);
                Instant outage = o.start();
                Instant to429 = o.to429();
                Instant toHang = o.toHang();
                Instant recovery = o.recovered();

                Message delivered = discord.await(m -> FakeDiscord.title(m).startsWith("[FIRING:1] " + ALERT),
                        Duration.ofSeconds(40));
                // watch a while longer: a duplicate would come with the next flushes or a late retry
                FaultStacks.hold(delivered.receivedAt().plusSeconds(15));

                for (Attempt a : discord.attempts()) {
                    t.mark(a.receivedAt(), "request to Discord -> " + a.outcome());
                }
                List<Message> firingMessages = FaultStacks.firing(discord, ALERT);
                firingMessages.forEach(m -> t.mark(m.receivedAt(), "ARRIVED: " + FakeDiscord.title(m)));
                long deliveryAfterRecovery = Duration.between(recovery, delivered.receivedAt()).toMillis();
                t.result(String.format("requests during the outage: %d x 500, %d x 429, %d unanswered; after it: %d",
                        count(discord, "500", outage, to429), count(discord, "429", to429, toHang),
                        count(discord, "no answer", toHang, recovery), discord.attempts().stream()
                                .filter(a -> !a.receivedAt().isBefore(recovery)).count()));
                t.result(String.format("delivered %.1f s after the recovery, %.1f s after the alert fired",
                        deliveryAfterRecovery / 1000.0, Duration.between(firing, delivered.receivedAt()).toMillis() / 1000.0));
                t.result("lost: " + (firingMessages.isEmpty() ? 1 : 0) + ", duplicated: " + Math.max(0, firingMessages.size() - 1));
                String log = Files.readString(work.resolve("data/logs/alertmanager.log"));
                boolean leaked = log.contains("local-test-token");
                t.result("webhook token in Alertmanager's log after the errors: " + (leaked ? "YES" : "no"));
                t.print();

                assertThat(firingMessages).as("the firing message arrives once after the recovery").hasSize(1);
                assertThat(delivered.receivedAt()).isAfterOrEqualTo(recovery);
                // the hung request in flight at the recovery is cancelled after at most 10 s, the next flush 1 s later
                assertThat(deliveryAfterRecovery).as("ms from recovery to delivery").isLessThanOrEqualTo(25_000);
                assertThat(count(discord, "500", outage, to429)).as("500s answered").isPositive();
                assertThat(count(discord, "429", to429, toHang)).as("429s answered").isGreaterThan(1);
                assertThat(count(discord, "no answer", toHang, recovery)).as("hung requests").isPositive();
                assertThat(leaked).as("webhook token in alertmanager.log").isFalse();
            }
        }
    }

    /** When each phase of the outage began; {@code recovered} is when Discord answered normally again. */
    record Outage(Instant start, Instant to429, Instant toHang, Instant recovered) {
    }

    /** From the first request on: 20 s of 500, 20 s of 429 with Retry-After, 20 s of silence, then recovery. */
    static Outage playOutage(FailingDiscord discord, Timeline t) {
        Instant start = FaultStacks.await("a first request to Discord", Duration.ofSeconds(60),
                () -> discord.attempts().stream().findFirst().map(Attempt::receivedAt));
        Instant to429 = start.plus(PHASE);
        Instant toHang = to429.plus(PHASE);
        FaultStacks.hold(to429);
        discord.inject(Fault.tooManyRequests(Duration.ofSeconds(5)));
        t.mark("injected: Discord answers 429 with Retry-After: 5");
        FaultStacks.hold(toHang);
        discord.inject(Fault.HANG);
        t.mark("injected: Discord reads requests and never answers");
        FaultStacks.hold(toHang.plus(PHASE));
        // read the clock before the switch: a request that finds Discord recovered is then never stamped before it
        Instant recovered = Instant.now();
        discord.inject(Fault.NONE);
        return new Outage(start, to429, toHang, t.mark(recovered, "recovered: Discord answers normally (204)"));
    }

    private static long count(FailingDiscord discord, String outcome, Instant from, Instant to) {
        return discord.attempts().stream().filter(a -> a.outcome().startsWith(outcome)
                && !a.receivedAt().isBefore(from) && a.receivedAt().isBefore(to)).count();
    }
}
