package dev.monitoringlab.stack.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.monitoringlab.settings.ExternalTool.Distribution;
import dev.monitoringlab.stack.MockLog;
import dev.monitoringlab.stack.NativeStack;
import dev.monitoringlab.stack.receivers.FailingDiscord;
import dev.monitoringlab.stack.receivers.FailingDiscord.Attempt;
import dev.monitoringlab.stack.receivers.FailingDiscord.Fault;
import dev.monitoringlab.stack.receivers.FakeDiscord;
import dev.monitoringlab.stack.receivers.WebhookSink.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The same 60 s Discord outage, with the lab's own flapping alert: the mock plays 0.2, 0.9, 0.3, 0.4, so
 * ModelMockHighAccuracy fires for about 5 s every 20 s, and its route sends no resolved messages. A crossing whose
 * alert has resolved before Discord recovers is lost: Alertmanager 0.25 sends nothing for a group that holds only
 * resolved alerts and none of its settings keeps the failed firing message (group_interval and repeat_interval only
 * pace the retries of an alert that still fires). This test measures that loss and proves that every crossing
 * after the recovery arrives, once.
 */
final class FlappingAlertOutage {
    static final String ALERT = ReceiverOutage.ALERT;
    /** Scrape 5 s + evaluation 5 s + 1 s, as ModelMockAlertIT bounds the latency; a crossing older is settled. */
    static final Duration SETTLED = Duration.ofSeconds(12);

    private FlappingAlertOutage() {
    }

    static void run(Path work, Distribution distribution) throws IOException {
        Timeline t = new Timeline("Discord outage (500, 429, hang; 60 s) with the lab's flapping alert");
        try (FailingDiscord discord = new FailingDiscord()) {
            discord.inject(Fault.status(500));
            t.mark("injected: Discord answers 500");
            try (NativeStack stack = NativeStack.builder(FaultStacks.settings(discord.url())).workDir(work).distribution(distribution)
                    .withModelMock("--values", "0.2,0.9,0.3,0.4").start()) {
                stack.prometheus().awaitQuery("up{job=\"model_mock\"}", r -> r.size() == 1 && r.get(0).value() == 1,
                        Duration.ofSeconds(30));
                t.mark("stack ready; the mock plays 0.2, 0.9, 0.3, 0.4 (a crossing every 20 s) and is scraped");
                ReceiverOutage.Outage o = ReceiverOutage.playOutage(discord, t);
                // two more crossings after the recovery, each given time to arrive
                Instant end = o.recovered().plusSeconds(40).plus(SETTLED);
                FaultStacks.hold(end);

                List<Instant> crossings = MockLog.crossings(MockLog.of(work), 0.75).stream()
                        .filter(c -> !c.isBefore(o.start().minus(SETTLED)) && c.isBefore(end.minus(SETTLED))).toList();
                List<Message> messages = FaultStacks.firing(discord, ALERT);
                crossings.forEach(c -> t.mark(c, "the mock sets 0.9 (a crossing)"));
                messages.forEach(m -> t.mark(m.receivedAt(), "ARRIVED: " + FakeDiscord.title(m)));
                for (Attempt a : discord.attempts()) {
                    t.mark(a.receivedAt(), "request to Discord -> " + a.outcome());
                }
                List<Instant> answered = new ArrayList<>();
                for (Message m : messages) {
                    latestBefore(crossings, m.receivedAt()).ifPresent(answered::add);
                }
                long duplicated = answered.size() - answered.stream().distinct().count();
                List<Instant> lost = crossings.stream().filter(c -> !answered.contains(c)).toList();
                long lostBefore = lost.stream().filter(c -> c.isBefore(o.recovered())).count();
                long lostAfter = lost.size() - lostBefore;
                long resolvedInOutage = crossings.stream().filter(c -> c.plus(SETTLED).isBefore(o.recovered())).count();
                t.result(String.format("crossings: %d (%d resolved during the outage); messages: %d", crossings.size(),
                        resolvedInOutage, messages.size()));
                t.result("lost: " + lost.size() + " (" + lostBefore + " during the outage, " + lostAfter
                        + " after it), duplicated: " + duplicated);
                t.print();

                assertThat(duplicated).as("no crossing reported twice").isZero();
                assertThat(lostAfter).as("crossings after the recovery that did not arrive").isZero();
                assertThat(lostBefore).as("crossings whose alert resolved before the recovery are lost, the rest not")
                        .isBetween(resolvedInOutage, resolvedInOutage + 1);
                assertThat(crossings.stream().filter(c -> !c.isBefore(o.recovered()))).as("crossings after recovery")
                        .isNotEmpty();
            }
        }
    }

    private static Optional<Instant> latestBefore(List<Instant> crossings, Instant at) {
        return crossings.stream().filter(c -> !c.isAfter(at)).max(Comparator.naturalOrder());
    }
}
