package dev.monitoringlab.serving.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.monitoringlab.serving.model.ModelDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The OpenAPI document: the hand-written API description plus the served model's card ({@code x-model}). */
final class OpenApiDocument {
    private static final String RESOURCE = "openapi.json";
    private final JsonNode tree;
    private final byte[] json;

    private OpenApiDocument(JsonNode tree, byte[] json) {
        this.tree = tree;
        this.json = json;
    }

    static OpenApiDocument load(ModelDescriptor model) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            ObjectNode root = (ObjectNode) mapper.readTree(in);
            root.set("x-model", mapper.valueToTree(model));
            return new OpenApiDocument(root, mapper.writeValueAsBytes(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(RESOURCE + " in the jar is not valid JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode tree() {
        return tree;
    }

    byte[] json() {
        return json.clone();
    }
}
