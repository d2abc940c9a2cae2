package dev.monitoringlab.http;

import java.util.function.Function;

/**
 * A request as the routes see it, with no trace of the server under it: method, path (without the query),
 * the raw query ({@code null} if none), header lookup and the whole body (already read, within the limits).
 */
public record Request(String method, String path, String query, Function<String, String> headers, byte[] body) {

    /** The first value of a header, case-insensitive; {@code null} if absent. */
    public String header(String name) {
        return headers.apply(name);
    }
}
