package dev.quiver.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class TimeArgumentTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"1764584130000", "\"1764584130000\"", "\"2025-12-01T10:15:30Z\"",
        "\"2025-12-01T11:15:30+01:00\"", "1.76458413E12", "\"2025-12-01T10:15:30.000Z\""})
    void epochMillisAndIsoFormsNameTheSameMoment(String json) {
        assertThat(TimeArgument.millis(JSON.readTree(json), "t")).isEqualTo(1_764_584_130_000L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"9999999999999999999\"", "\"+999999999-12-31T23:59:59Z\"",
        "\"-999999999-01-01T00:00:00Z\"", "\"2025-12-01\"", "\"2025-12-01T10:15:30\"", "\"-5\"", "1.5", "true",
        "[1]", "{\"a\":1}", "99999999999999999999999", "\"soon\""})
    void anythingElseIsAnInvalidParameterNamingTheArgument(String json) {
        assertThatThrownBy(() -> TimeArgument.millis(JSON.readTree(json), "travelTimestamp"))
                .isInstanceOfSatisfying(QuiverException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER))
                .hasMessageContaining("travelTimestamp").hasMessageContaining("is not a time");
    }
}
