package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class BodyBudgetTest {

    private static final Duration WAIT = Duration.ofMillis(50);

    @AfterEach
    void clearRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void reservationIsReturnedWhenTheRequestCompletes() {
        BodyBudget budget = new BodyBudget(4 * 1024, WAIT);
        ServletRequestAttributes first = startRequest();
        budget.reserveForCurrentRequest(4 * 1024);
        first.requestCompleted();

        startRequest();
        budget.reserveForCurrentRequest(4 * 1024);
        // Reaching here means the first request's room came back.
        assertThat(RequestContextHolder.getRequestAttributes()).isNotNull();
    }

    @Test
    void requestBeyondTheRemainingRoomIsRefusedWithCode1807() {
        BodyBudget budget = new BodyBudget(4 * 1024, WAIT);
        startRequest();
        budget.reserveForCurrentRequest(3 * 1024);

        startRequest();
        assertThatThrownBy(() -> budget.reserveForCurrentRequest(2 * 1024))
                .isInstanceOfSatisfying(QuiverException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.RATE_LIMITED));
    }

    @Test
    void bodyLargerThanTheWholeBudgetStillGetsThroughAlone() {
        BodyBudget budget = new BodyBudget(1024, WAIT);
        ServletRequestAttributes request = startRequest();
        budget.reserveForCurrentRequest(10 * 1024 * 1024);
        request.requestCompleted();
        startRequest();
        budget.reserveForCurrentRequest(1);
        assertThat(RequestContextHolder.getRequestAttributes()).isNotNull();
    }

    @Test
    void reservationsOfOneRequestAddUp() {
        BodyBudget budget = new BodyBudget(4 * 1024, WAIT);
        startRequest();
        budget.reserveForCurrentRequest(2 * 1024);
        budget.reserveForCurrentRequest(2 * 1024);

        startRequest();
        assertThatThrownBy(() -> budget.reserveForCurrentRequest(1))
                .isInstanceOfSatisfying(QuiverException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.RATE_LIMITED));
    }

    private static ServletRequestAttributes startRequest() {
        ServletRequestAttributes attributes = new ServletRequestAttributes(new MockHttpServletRequest());
        RequestContextHolder.setRequestAttributes(attributes);
        return attributes;
    }
}
