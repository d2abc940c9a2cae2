package dev.monitoringlab.report;

import dev.monitoringlab.settings.AtomicFiles;
import dev.monitoringlab.stack.receivers.FakeAlertWebhook;
import dev.monitoringlab.stack.receivers.FakeDiscord;
import dev.monitoringlab.stack.receivers.FakeSlack;
import dev.monitoringlab.stack.receivers.FakeTelegram;
import dev.monitoringlab.stack.receivers.WebhookSink;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Stands in for Discord, Slack and Telegram, and for the monitoring and heartbeat webhooks (plain Alertmanager webhooks),
 * during an evidence run: local endpoints that answer like the real webhooks, their
 * URLs written to an env file for the stack, and every message they accept logged with its arrival time, so the
 * timeline can show when the notification arrived, as the lab's timeline does.
 */
public final class WebhookRecorder implements AutoCloseable {
    private record Sink(String receiver, WebhookSink sink, Function<WebhookSink.Message, String> title) {
    }

    private final List<Sink> sinks = new ArrayList<>();

    public WebhookRecorder() {
        FakeDiscord discord = new FakeDiscord();
        FakeSlack slack = new FakeSlack();
        sinks.add(new Sink("discord", discord, FakeDiscord::title));
        sinks.add(new Sink("slack", slack, FakeSlack::title));
        sinks.add(new Sink("telegram", new FakeTelegram(), FakeTelegram::title));
        sinks.add(new Sink("monitoring", new FakeAlertWebhook(), FakeAlertWebhook::title));
        sinks.add(new Sink("heartbeat", new FakeAlertWebhook(), FakeAlertWebhook::title));
    }

    /**
     * Lines for an env file. The settings object reads the webhook URLs, the bot token and the chat id from these
     * variables; TELEGRAM_API_URL goes to -Dlab.telegram.api-url (the capture script passes it on).
     */
    public String envFile() {
        StringBuilder sb = new StringBuilder();
        for (Sink s : sinks) {
            if (s.sink() instanceof FakeTelegram t) {
                sb.append("TELEGRAM_API_URL=").append(t.url()).append('\n')
                        .append("TELEGRAM_BOT_TOKEN=").append(FakeTelegram.TOKEN).append('\n')
                        .append("TELEGRAM_CHAT_ID=").append(FakeTelegram.CHAT_ID).append('\n');
            } else {
                sb.append(s.receiver().toUpperCase()).append("_WEBHOOK_URL=").append(s.sink().url()).append('\n');
            }
        }
        return sb.toString();
    }

    public List<WebhookMessage> messages() {
        List<WebhookMessage> out = new ArrayList<>();
        for (Sink s : sinks) {
            s.sink().messages().forEach(m -> out.add(new WebhookMessage(s.receiver(), m.receivedAt(), s.title().apply(m))));
        }
        out.sort((a, b) -> a.receivedAt().compareTo(b.receivedAt()));
        return out;
    }

    /** Writes the env file, then rewrites the log whenever a message arrives, until {@code until}. */
    public void run(Path envFile, Path log, Instant until, PrintWriter out) throws IOException {
        AtomicFiles.write(envFile, envFile());
        out.println("record-webhooks: URLs in " + envFile + "; logging messages to " + log + " until " + until);
        int seen = -1;
        while (Instant.now().isBefore(until) && !Thread.currentThread().isInterrupted()) {
            List<WebhookMessage> all = messages();
            if (all.size() != seen) {
                StringBuilder sb = new StringBuilder();
                all.forEach(m -> sb.append(m.toJsonLine()));
                AtomicFiles.write(log, sb.toString());
                for (int i = Math.max(0, seen); i < all.size(); i++) {
                    out.println("record-webhooks: " + all.get(i).receivedAt() + " " + all.get(i).receiver() + " "
                            + all.get(i).title());
                }
                seen = all.size();
            }
            try {
                Thread.sleep(Duration.ofMillis(250).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        sinks.forEach(s -> s.sink().close());
    }
}
