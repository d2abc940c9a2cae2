package dev.monitoringlab.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactingLogTest {
    private static final String TOKEN = "1234567890:AAlocalTestTokenForTheLabOnly_0123456";
    private static final String HOOK = "https://discord.com/api/webhooks/1/abc" + TOKEN;

    @TempDir
    Path dir;

    @Test
    void everySecretIsReplacedTheLongestFirst() {
        String line = "err=\"telebot: Post \\\"http://127.0.0.1:9/bot" + TOKEN + "/sendMessage\\\"\" and " + HOOK;
        assertThat(RedactingLog.redact(line, List.of(HOOK, TOKEN)))
                .isEqualTo("err=\"telebot: Post \\\"http://127.0.0.1:9/bot<redacted>/sendMessage\\\"\" and <redacted>");
    }

    @Test
    void theLogGetsEveryLineRedactedBlankSecretsAreIgnoredAndARestartAppends() throws IOException, InterruptedException {
        Path log = dir.resolve("alertmanager.log");
        RedactingLog.pump("am", stream("first " + TOKEN + "\nsecond\n"), log, List.of(TOKEN, " "), false).join(5_000);
        RedactingLog.pump("am", stream("after a restart\n"), log, List.of(TOKEN), true).join(5_000);
        assertThat(Files.readAllLines(log)).containsExactly("first <redacted>", "second", "after a restart");
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
