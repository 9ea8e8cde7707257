package dev.quiver.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestDeadlineTest {

    @AfterEach
    void end() {
        RequestDeadline.end();
    }

    @Test
    void outsideARequestNothingIsChecked() {
        assertThatCode(RequestDeadline::checkCurrent).doesNotThrowAnyException();
    }

    @Test
    void aPassedDeadlineStopsTheRequestAndSaysWhereItsBudgetCameFrom() {
        RequestDeadline.begin(Duration.ZERO, "quiver.api.request-timeout");

        assertThatThrownBy(RequestDeadline::checkCurrent)
                .isInstanceOfSatisfying(QuiverException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.TIMEOUT))
                .hasMessage("request timeout, the request took longer than 0 ms (quiver.api.request-timeout) and was "
                        + "stopped; nothing was changed");
    }

    @Test
    void aDeadlineAheadLetsTheRequestGoOn() {
        RequestDeadline.begin(Duration.ofMinutes(1), "quiver.api.request-timeout");

        assertThatCode(RequestDeadline::checkCurrent).doesNotThrowAnyException();
    }
}
