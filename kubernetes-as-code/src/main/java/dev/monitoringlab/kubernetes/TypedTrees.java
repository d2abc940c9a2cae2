package dev.monitoringlab.kubernetes;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.util.Map;

/**
 * The typed objects of rules-as-code as the plain trees their files hold: the same snake_case names and the same
 * Jackson annotations (left-out empty fields, {@code for}), so a field added to the model later is carried over
 * without a change here.
 */
final class TypedTrees {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private TypedTrees() {
    }

    static Map<String, Object> of(Object typed) {
        return MAPPER.convertValue(typed, new TypeReference<Map<String, Object>>() { });
    }
}
