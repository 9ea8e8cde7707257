package dev.quiver.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** Inputs that are valid JSON but built to cost the server: answered at once, briefly, correctly. */
class HostileInputTest extends ApiTestSupport {

    private static final String MILLION_DIGITS = "1".repeat(1_000_000);

    @Test
    void megabyteOfDigitsAsAnIdIsRefusedWithAShortMessage() {
        post(ApiPaths.CREATE, "{\"collectionName\":\"hostile_ids\",\"dimension\":2}");
        MvcTestResult result = post(ApiPaths.GET, "{\"collectionName\":\"hostile_ids\",\"id\":\"" + MILLION_DIGITS + "\"}");
        assertError(result, 1806, "not a 64-bit integer");
        assertThat(bodyText(result).length()).isLessThan(400);
    }

    @Test
    void megabyteOfDigitsInAFilterIsRefusedWithAShortMessage() {
        post(ApiPaths.CREATE, "{\"collectionName\":\"hostile_filter\",\"dimension\":2}");
        MvcTestResult result = post(ApiPaths.QUERY,
                "{\"collectionName\":\"hostile_filter\",\"filter\":\"id == " + MILLION_DIGITS + "\"}");
        assertError(result, 1100, "out of the 64-bit range", "at position 7");
        assertThat(bodyText(result).length()).isLessThan(400);
    }

    @Test
    void getOfARepeatedIdReturnsTheEntityOnce() {
        post(ApiPaths.CREATE, "{\"collectionName\":\"hostile_repeat\",\"dimension\":2,\"autoId\":false}");
        assertOk(post(ApiPaths.INSERT, "{\"collectionName\":\"hostile_repeat\",\"data\":[{\"id\":1,\"vector\":[1,2]}]}"));
        JsonNode rows = assertOk(post(ApiPaths.GET,
                "{\"collectionName\":\"hostile_repeat\",\"id\":[1, 1, \"1\", \"0x1\"],\"outputFields\":[\"id\"]}"));
        assertThat(rows.toString()).isEqualTo("[{\"id\":1}]");
    }
}
