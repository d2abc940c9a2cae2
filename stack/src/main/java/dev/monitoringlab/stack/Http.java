package dev.monitoringlab.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The small HTTP/JSON helper the API clients share. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Http() {
    }

    static HttpResponse<String> get(URI uri) throws IOException {
        try {
            return CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** GET and parse JSON, failing with the status and body when the answer is not 200. */
    static JsonNode getJson(URI uri) {
        try {
            HttpResponse<String> r = get(uri);
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed: " + e.getMessage(), e);
        }
    }

    /** POST a JSON body and return the answer's body, failing with the status and body when the answer is not 2xx. */
    static String postJson(URI uri, Object body) {
        try {
            return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the body for " + uri + ": " + e.getMessage(), e);
        }
    }

    /** Sends {@code request} and returns the body, failing with the status and body when the answer is not 2xx. */
    static String send(HttpRequest.Builder request) {
        HttpRequest r = request.timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = CLIENT.send(r, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(r.method() + " " + r.uri() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(r.method() + " " + r.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** True when the URL answers 200, false on any error: used while waiting for a service to come up. */
    static boolean ok(URI uri) {
        try {
            return get(uri).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
