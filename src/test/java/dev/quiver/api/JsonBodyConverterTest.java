package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

class JsonBodyConverterTest {

    private static final String BODY = "{\"collectionName\":\"c\"}";

    @BeforeEach
    void startRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }

    @AfterEach
    void endRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    /**
     * An announced length is reserved whole before the body is read, so large bodies arriving
     * together are admitted one after another instead of all stalling half-read.
     */
    @Test
    void announcedLengthIsReservedWholeBeforeReading() throws Exception {
        BodyBudget budget = new BodyBudget(128 * 1024, Duration.ofMillis(50));
        JsonBodyConverter converter = new JsonBodyConverter(JsonMapper.builder().build(), DataSize.ofMegabytes(64), budget);
        MockHttpInputMessage message = new MockHttpInputMessage(BODY.getBytes(StandardCharsets.UTF_8));
        message.getHeaders().setContentLength(100 * 1024);
        message.getHeaders().setContentType(MediaType.TEXT_PLAIN);

        Object read = converter.read(Requests.DropCollection.class, message);

        assertThat(read).as("a body shorter than announced is what arrived").isEqualTo(new Requests.DropCollection(null, "c"));
        // 100 KiB of 128 are held until the first request completes: a second one waits, then is refused.
        startRequest();
        assertThatThrownBy(() -> budget.reserveForCurrentRequest(64 * 1024))
                .isInstanceOfSatisfying(QuiverException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.RATE_LIMITED));
        budget.reserveForCurrentRequest(16 * 1024);
    }

    /** A body of unknown length takes room only as it arrives. */
    @Test
    void unknownLengthReservesWhatArrives() throws Exception {
        BodyBudget budget = new BodyBudget(128 * 1024, Duration.ofMillis(50));
        JsonBodyConverter converter = new JsonBodyConverter(JsonMapper.builder().build(), DataSize.ofMegabytes(64), budget);
        MockHttpInputMessage message = new MockHttpInputMessage(BODY.getBytes(StandardCharsets.UTF_8));
        message.getHeaders().setContentType(MediaType.TEXT_PLAIN);

        assertThat(converter.read(Requests.DropCollection.class, message)).isEqualTo(new Requests.DropCollection(null, "c"));
        startRequest();
        budget.reserveForCurrentRequest(60 * 1024);
    }

    @Test
    void bodyPastTheCapIsRefusedWhileReading() {
        BodyBudget budget = new BodyBudget(1024 * 1024, Duration.ofMillis(50));
        JsonBodyConverter converter = new JsonBodyConverter(JsonMapper.builder().build(), DataSize.ofBytes(10), budget);
        MockHttpInputMessage message = new MockHttpInputMessage(BODY.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> converter.read(Requests.DropCollection.class, message))
                .isInstanceOfSatisfying(QuiverException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER))
                .hasMessageContaining("exceeds the limit");
    }
}
