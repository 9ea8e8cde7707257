package dev.quiver.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class WindowTest {

    @Test
    void queryDefaultsToOffsetZeroAndLimitHundred() {
        assertThat(Window.forQuery(null, null)).isEqualTo(new Window(0, 100));
        assertThat(Window.forQuery(null, 20)).isEqualTo(new Window(20, 100));
        assertThat(Window.forQuery(7, 3).end()).isEqualTo(10);
    }

    @Test
    void queryLimitZeroMeansTheRestOfTheWindow() {
        assertThat(Window.forQuery(0, null)).isEqualTo(new Window(0, 16_384));
        assertThat(Window.forQuery(0, 100)).isEqualTo(new Window(100, 16_284));
        assertThat(Window.forQuery(0, 16_383)).isEqualTo(new Window(16_383, 1));
    }

    @Test
    void queryAcceptsAWindowEndingExactlyAtTheCap() {
        assertThat(Window.forQuery(16_384, 0)).isEqualTo(new Window(0, 16_384));
        assertThat(Window.forQuery(384, 16_000).end()).isEqualTo(16_384);
    }

    @Test
    void queryRejectsNegativeLimitOrOffset() {
        assertInvalid(() -> Window.forQuery(-1, null), "limit -1");
        assertInvalid(() -> Window.forQuery(10, -1), "offset -1");
    }

    @Test
    void queryRejectsAWindowPastTheCap() {
        assertInvalid(() -> Window.forQuery(385, 16_000), "but got 16385");
        assertInvalid(() -> Window.forQuery(16_385, null), "but got 16385");
        assertInvalid(() -> Window.forQuery(0, 16_384), "16384");
        assertInvalid(() -> Window.forQuery(Integer.MAX_VALUE, Integer.MAX_VALUE), "(offset+limit)");
    }

    @Test
    void searchDefaultsToTopHundred() {
        assertThat(Window.forSearch(null, null)).isEqualTo(new Window(0, 100));
        assertThat(Window.forSearch(1, null)).isEqualTo(new Window(0, 1));
        assertThat(Window.forSearch(16_384, 0)).isEqualTo(new Window(0, 16_384));
        assertThat(Window.forSearch(10, 16_374)).isEqualTo(new Window(16_374, 10));
    }

    @Test
    void searchRejectsTopKOutsideOneTo16384() {
        assertInvalid(() -> Window.forSearch(0, null), "limit (topk) 0");
        assertInvalid(() -> Window.forSearch(-5, null), "limit (topk) -5");
        assertInvalid(() -> Window.forSearch(16_385, null), "[1, 16384]");
    }

    @Test
    void searchRejectsNegativeOffsetAndAWindowPastTheCap() {
        assertInvalid(() -> Window.forSearch(10, -1), "offset -1");
        assertInvalid(() -> Window.forSearch(10, 16_375), "but got 16385");
        assertInvalid(() -> Window.forSearch(16_384, Integer.MAX_VALUE), "(offset+limit)");
    }

    private static void assertInvalid(ThrowingCallable call, String detail) {
        assertThatThrownBy(call)
                .isInstanceOf(QuiverException.class)
                .hasMessageStartingWith("invalid parameter, ")
                .hasMessageContaining(detail)
                .satisfies(e -> assertThat(((QuiverException) e).errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER))
                .satisfies(e -> assertThat(((QuiverException) e).errorCode().code()).isEqualTo(1100));
    }
}
