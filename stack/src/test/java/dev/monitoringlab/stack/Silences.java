package dev.monitoringlab.stack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Instant;

/** Silences made and ended through Alertmanager's API (/api/v2/silences), as an operator would with amtool. */
final class Silences {
    private Silences() {
    }

    /** Silences {@code alertname} on {@code am} until {@code endsAt}; returns the silence's id. */
    static String create(AlertmanagerApi am, String alertname, Instant endsAt, String comment) {
        ObjectNode body = Http.JSON.createObjectNode();
        body.putArray("matchers").addObject().put("name", "alertname").put("value", alertname).put("isRegex", false)
                .put("isEqual", true);
        body.put("startsAt", Instant.now().toString()).put("endsAt", endsAt.toString())
                .put("createdBy", "monitoring-lab").put("comment", comment);
        String answer = Http.postJson(am.base().resolve("/api/v2/silences"), body);
        try {
            return Http.JSON.readTree(answer).path("silenceID").asText();
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer to a new silence: " + answer, e);
        }
    }

    static void expire(AlertmanagerApi am, String id) {
        Http.send(HttpRequest.newBuilder(am.base().resolve("/api/v2/silence/" + id)).DELETE());
    }
}
