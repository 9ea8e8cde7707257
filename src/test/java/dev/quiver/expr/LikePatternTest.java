package dev.quiver.expr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LikePatternTest {

    @ParameterizedTest(name = "\"{1}\" like \"{0}\" is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ab%       | abc     | true
            ab%       | xabc    | false
            %bc       | abc     | true
            %b%       | abc     | true
            %b%       | ac      | false
            a_c       | abc     | true
            a_c       | abbc    | false
            a%c%e     | abXcYe  | true
            a%c%e     | abXcY   | false
            %         | ''      | true
            _         | ''      | false
            a\\%b     | a%b     | true
            a\\%b     | axb     | false
            a\\_b     | a_b     | true
            a\\_b     | axb     | false
            abc       | abc     | true
            abc       | abcd    | false
            %%a       | bba     | true
            """)
    void patternMatchesAsMilvusDescribes(String pattern, String value, boolean expected) {
        assertThat(LikePattern.compile(pattern).test(value)).isEqualTo(expected);
    }

    @Test
    void agreesWithARegularExpressionOnSeededRandomPatterns() {
        SplittableRandom random = new SplittableRandom(42);
        String alphabet = "ab%_";
        for (int round = 0; round < 20_000; round++) {
            String pattern = randomText(random, alphabet, 6);
            String value = randomText(random, "ab", 8);
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                regex.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
            }
            assertThat(LikePattern.compile(pattern).test(value)).as("%s like %s", value, pattern)
                    .isEqualTo(value.matches(regex.toString()));
        }
    }

    /** A pattern that sends a backtracking regex into exponential time is answered at once. */
    @Test
    void manyWildcardsOnALongValueStayLinearInPractice() {
        Predicate<String> like = LikePattern.compile("%a".repeat(12) + "%b");
        assertThat(like.test("a".repeat(60_000))).isFalse();
        assertThat(like.test("a".repeat(60_000) + "b")).isTrue();
    }

    private static String randomText(SplittableRandom random, String alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Test
    void aLongPatternAgainstALongRunStaysCorrect() {
        // The probe: cost pattern x value for the backtracking matcher (minutes per value).
        String value = "a".repeat(65_535);
        String pattern = "%" + "a".repeat(4_000) + "b_";

        assertThat(LikePattern.compile(pattern).test(value)).isFalse();
        assertThat(LikePattern.compile(pattern).test(value + "bc")).isTrue();
        assertThat(LikePattern.compile("%" + "a".repeat(100) + "_%a").test(value)).isTrue();
        assertThat(LikePattern.compile("a%" + "_".repeat(4_000) + "%a").test(value)).isTrue();
    }
}
