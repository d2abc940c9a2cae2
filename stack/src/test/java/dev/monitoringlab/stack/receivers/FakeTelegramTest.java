package dev.monitoringlab.stack.receivers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FakeTelegramTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final FakeTelegram telegram = new FakeTelegram();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void close() {
        telegram.close();
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(telegram.url() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String body) throws IOException, InterruptedException {
        return post("/bot" + FakeTelegram.TOKEN + "/sendMessage", "application/json", body);
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Test
    void aValidMessageIsEchoedBackWithOkTrue() throws Exception {
        HttpResponse<String> r = send("{\"chat_id\":\"" + FakeTelegram.CHAT_ID + "\",\"text\":\"[FIRING:1] X\\n<b>high</b> &amp; rising\","
                + "\"parse_mode\":\"HTML\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("ok").asBoolean()).isTrue();
        assertThat(json(r).path("result").path("chat").path("id").asLong()).isEqualTo(FakeTelegram.CHAT_ID);
        assertThat(telegram.messages()).singleElement()
                .satisfies(m -> assertThat(FakeTelegram.title(m)).isEqualTo("[FIRING:1] X"));
    }

    @Test
    void chatIdMayBeANumberAsInTheBotApi() throws Exception {
        assertThat(send("{\"chat_id\":" + FakeTelegram.CHAT_ID + ",\"text\":\"hi\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void refusalsLookLikeTheBotApisAndAreNotRecorded() throws Exception {
        HttpResponse<String> wrongToken = post("/bot123:nope/sendMessage", "application/json", "{\"chat_id\":1,\"text\":\"x\"}");
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(json(wrongToken).path("description").asText()).isEqualTo("Unauthorized");
        assertThat(json(wrongToken).path("ok").asBoolean()).isFalse();
        assertThat(json(wrongToken).path("error_code").asInt()).isEqualTo(401);

        assertThat(post("/bot" + FakeTelegram.TOKEN + "/sendPhoto", "application/json", "{}").statusCode()).isEqualTo(404);
        assertThat(json(send("{\"text\":\"x\"}")).path("description").asText()).isEqualTo("Bad Request: chat_id is empty");
        assertThat(json(send("{\"chat_id\":42,\"text\":\"x\"}")).path("description").asText())
                .isEqualTo("Bad Request: chat not found");
        assertThat(json(send("{\"chat_id\":" + FakeTelegram.CHAT_ID + ",\"text\":\" \"}")).path("description").asText())
                .isEqualTo("Bad Request: message text is empty");
        assertThat(json(send("{\"chat_id\":" + FakeTelegram.CHAT_ID + ",\"text\":\"" + "x".repeat(4097) + "\"}"))
                .path("description").asText()).isEqualTo("Bad Request: message is too long");
        HttpResponse<String> badHtml = send("{\"chat_id\":" + FakeTelegram.CHAT_ID
                + ",\"text\":\"a < b & c\",\"parse_mode\":\"HTML\"}");
        assertThat(badHtml.statusCode()).isEqualTo(400);
        assertThat(json(badHtml).path("description").asText()).startsWith("Bad Request: can't parse entities");
        assertThat(json(send("{\"chat_id\":" + FakeTelegram.CHAT_ID + ",\"text\":\"<div>x</div>\",\"parse_mode\":\"HTML\"}"))
                .path("description").asText()).contains("unsupported start tag \"div\"");
        assertThat(post("/bot" + FakeTelegram.TOKEN + "/sendMessage", "text/plain", "hi").statusCode()).isEqualTo(415);

        assertThat(telegram.messages()).isEmpty();
        assertThat(telegram.rejections()).hasSize(9);
    }

    @Test
    void getMeAnswersWithTheBotAndIsNotAMessage() throws Exception {
        HttpResponse<String> r = post("/bot" + FakeTelegram.TOKEN + "/getMe", "application/json", "{}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("result").path("is_bot").asBoolean()).isTrue();
        assertThat(telegram.messages()).isEmpty();
        assertThat(telegram.rejections()).isEmpty();
    }
}
