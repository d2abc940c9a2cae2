package dev.monitoringlab.serving.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.monitoringlab.serving.metrics.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PredictRequestParserTest {
    private final PredictRequestParser parser = new PredictRequestParser();

    @Test
    void acceptsOneRecordAndBatchesUpToTheLimit() throws Exception {
        PredictRequestParser.Parsed one = parse("{\"customers_count\": 900, \"items_count\": 1500}");
        assertThat(one.batch()).isFalse();
        assertThat(one.records()).singleElement().satisfies(r -> assertThat(r).containsExactly(1500, 900));
        assertThat(parse("{\"items_count\": 0, \"customers_count\": 1000000}").records().get(0))
                .containsExactly(0, 1_000_000);
        assertThat(parse("{\"items_count\": 12.0, \"customers_count\": 1e3}").records().get(0)).containsExactly(12, 1000);

        PredictRequestParser.Parsed batch = parse(batchOf(1000));
        assertThat(batch.batch()).isTrue();
        assertThat(batch.records()).hasSize(1000);
        assertThat(batch.records().get(999)).containsExactly(1999, 999);
    }

    @ParameterizedTest(name = "{0} -> {1} at {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "''                                                  | MALFORMED_JSON  | body",
        "'{\"items_count\": 1'                               | MALFORMED_JSON  | body",
        "'{\"items_count\": 1, \"customers_count\": 2} x'    | MALFORMED_JSON  | body",
        "'{\"items_count\": NaN, \"customers_count\": 2}'    | MALFORMED_JSON  | body",
        "'{\"items_count\": 1, \"items_count\": 2, \"customers_count\": 2}' | MALFORMED_JSON | body",
        "'[1, 2]'                                            | WRONG_TYPE      | body",
        "'\"text\"'                                          | WRONG_TYPE      | body",
        "'{\"items_count\": 1000}'                           | MISSING_FIELD   | customers_count",
        "'{}'                                                | MISSING_FIELD   | items_count",
        "'{\"items_count\": 1, \"customers_count\": 2, \"x\": 3}' | UNKNOWN_FIELD | x",
        "'{\"items_count\": \"1000\", \"customers_count\": 2}' | WRONG_TYPE    | items_count",
        "'{\"items_count\": null, \"customers_count\": 2}'   | WRONG_TYPE      | items_count",
        "'{\"items_count\": true, \"customers_count\": 2}'   | WRONG_TYPE      | items_count",
        "'{\"items_count\": [1], \"customers_count\": 2}'    | WRONG_TYPE      | items_count",
        "'{\"items_count\": -1, \"customers_count\": 2}'     | NEGATIVE_VALUE  | items_count",
        "'{\"items_count\": 1, \"customers_count\": -0.5}'   | NEGATIVE_VALUE  | customers_count",
        "'{\"items_count\": 10.5, \"customers_count\": 2}'   | NOT_INTEGER     | items_count",
        "'{\"items_count\": 1000001, \"customers_count\": 2}' | TOO_LARGE      | items_count",
        "'{\"items_count\": 1e400, \"customers_count\": 2}'  | TOO_LARGE       | items_count",
        "'{\"items_count\": 99999999999999999999999999, \"customers_count\": 2}' | TOO_LARGE | items_count",
        "'{\"records\": []}'                                 | EMPTY_BATCH     | records",
        "'{\"records\": {}}'                                 | WRONG_TYPE      | records",
        "'{\"records\": [{\"items_count\": 1, \"customers_count\": 2}], \"y\": 1}' | UNKNOWN_FIELD | y",
        "'{\"records\": [{\"items_count\": 1, \"customers_count\": 2}, 5]}' | WRONG_TYPE | records[1]",
        "'{\"records\": [{\"items_count\": 1, \"customers_count\": 2}, {\"items_count\": 1}]}' | MISSING_FIELD | records[1].customers_count",
    })
    void rejectsWithReasonAndField(String body, RejectReason reason, String field) {
        ApiException e = catchThrowableOfType(() -> parse(body), ApiException.class);
        assertThat(e).as("rejected: %s", body).isNotNull();
        assertThat(e.reason()).isEqualTo(reason);
        if (!field.isEmpty()) {
            assertThat(e.field()).isEqualTo(field);
        }
        assertThat(e.getMessage()).doesNotContain("\n");
    }

    @Test
    void rejectsABatchOverTheLimitNamingTheLimit() {
        ApiException e = catchThrowableOfType(() -> parse(batchOf(1001)), ApiException.class);
        assertThat(e.reason()).isEqualTo(RejectReason.BATCH_TOO_LARGE);
        assertThat(e.getMessage()).contains("1001").contains("1000");
    }

    private PredictRequestParser.Parsed parse(String body) throws ApiException {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String batchOf(int n) {
        return IntStream.range(0, n).mapToObj(i -> "{\"items_count\":" + (1000 + i) + ",\"customers_count\":" + i + "}")
                .collect(Collectors.joining(",", "{\"records\":[", "]}"));
    }
}
