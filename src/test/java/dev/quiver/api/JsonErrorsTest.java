package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonErrorsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Non-standard token 'NaN': enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS` to allow | Non-standard token 'NaN'
            Document nesting depth (65) exceeds the maximum allowed (64, from `StreamReadConstraints.getMaxNestingDepth()`) | Document nesting depth (65) exceeds the maximum allowed (64)
            Number value length (501) exceeds the maximum allowed (400, from `StreamReadConstraints.getMaxNumberLength()`) | Number value length (501) exceeds the maximum allowed (400)
            Cannot coerce value of type `java.lang.Integer` to text | Cannot coerce value of type Integer to text
            Unexpected end-of-input: expected close marker for Object | Unexpected end-of-input: expected close marker for Object
            """)
    void cleanRemovesJacksonSettingAndClassNames(String jacksonMessage, String expected) {
        assertThat(JsonErrors.clean(jacksonMessage)).isEqualTo(expected);
    }
}
