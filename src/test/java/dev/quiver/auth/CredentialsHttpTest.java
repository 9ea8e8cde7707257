package dev.quiver.auth;

import static dev.quiver.auth.EnvelopeAssert.assertOk;
import static dev.quiver.auth.EnvelopeAssert.assertUnauthenticated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quiver.auth.HttpApi.Reply;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every credential form Milvus clients send, on a real port. */
class CredentialsHttpTest extends SecuredServerTestSupport {

    private static final String LIST = "/v1/vector/collections";

    @Test
    void requestWithoutAuthorizationHeaderIsRejectedWith401AndCode1800() {
        assertUnauthenticated(api.get(LIST, null));
    }

    @Test
    void emptyBearerTokenIsRejectedWith401() {
        assertUnauthenticated(api.get(LIST, "Bearer "));
    }

    @Test
    void wrongPasswordIsRejectedWith401() {
        assertUnauthenticated(api.get(LIST, HttpApi.bearer("root:not-the-password")));
    }

    @Test
    void unknownUserIsRejectedWith401() {
        assertUnauthenticated(api.get(LIST, HttpApi.bearer("nobody:" + ROOT_PASSWORD)));
    }

    @Test
    void basicCredentialsOfRootAreAccepted() {
        assertOk(api.get(LIST, HttpApi.basic("root", ROOT_PASSWORD)));
    }

    @Test
    void bearerUserColonPasswordOfRootIsAccepted() {
        assertOk(api.get(LIST, HttpApi.bearer("root:" + ROOT_PASSWORD)));
    }

    @Test
    void bareUserColonPasswordWithoutBearerPrefixIsAccepted() {
        // Milvus strips a literal "Bearer " prefix if present, so the bare form works too.
        assertOk(api.get(LIST, "root:" + ROOT_PASSWORD));
    }

    @Test
    void passwordContainingColonsIsSplitAtTheFirstColon() {
        assertOk(api.get(LIST, HttpApi.bearer("colon:" + COLON_PASSWORD)));
        assertOk(api.get(LIST, HttpApi.basic("colon", COLON_PASSWORD)));
        assertUnauthenticated(api.get(LIST, HttpApi.bearer("colon:pa")));
    }

    @Test
    void apiKeyAsBearerTokenIsAccepted() {
        assertOk(api.get(LIST, HttpApi.bearer(API_KEY)));
    }

    @Test
    void wrongApiKeyIsRejectedWith401() {
        assertUnauthenticated(api.get(LIST, HttpApi.bearer(API_KEY + "x")));
        assertUnauthenticated(api.get(LIST, HttpApi.bearer(sha256Hex(API_KEY))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedCredentials")
    void malformedCredentialsAreRejectedWith401(String description, String authorization) {
        assertUnauthenticated(api.get(LIST, authorization));
    }

    static Stream<Arguments> malformedCredentials() {
        return Stream.of(
                Arguments.of("empty user name", HttpApi.bearer(":" + ROOT_PASSWORD)),
                Arguments.of("empty password", HttpApi.bearer("root:")),
                Arguments.of("bare Bearer", "Bearer"),
                Arguments.of("Basic that is not base64", "Basic %%%not-base64%%%"),
                Arguments.of("Basic without a colon", "Basic " + Base64.getEncoder().encodeToString("root".getBytes(StandardCharsets.UTF_8))),
                Arguments.of("Basic with a wrong password", HttpApi.basic("root", "wrong")),
                // The prefix Milvus strips is case-sensitive: "bearer root" becomes the user name.
                Arguments.of("lower-case bearer prefix", "bearer root:" + ROOT_PASSWORD));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("v1Routes")
    void everyV1RouteNeedsCredentials(String method, String path) {
        Reply reply = method.equals("GET") ? api.get(path, null) : api.post(path, null, "{\"collectionName\":\"c\"}");
        assertUnauthenticated(reply);
    }

    static Stream<Arguments> v1Routes() {
        return Stream.of(
                Arguments.of("GET", "/v1/vector/collections"),
                Arguments.of("GET", "/v1/vector/collections/describe?collectionName=c"),
                Arguments.of("POST", "/v1/vector/collections/create"),
                Arguments.of("POST", "/v1/vector/collections/drop"),
                Arguments.of("POST", "/v1/vector/insert"),
                Arguments.of("POST", "/v1/vector/upsert"),
                Arguments.of("POST", "/v1/vector/get"),
                Arguments.of("GET", "/v1/vector/get?collectionName=c&id=1"),
                Arguments.of("POST", "/v1/vector/query"),
                Arguments.of("POST", "/v1/vector/search"),
                Arguments.of("POST", "/v1/vector/delete"));
    }

    @Test
    void rejectedCredentialsAreNotRememberedAsAccepted() {
        // A verified credential is cached by its hash; a wrong one must not ride on that cache.
        assertOk(api.get(LIST, ROOT));
        assertUnauthenticated(api.get(LIST, HttpApi.bearer("root:" + ROOT_PASSWORD + "x")));
        assertThat(api.get(LIST, ROOT).status()).isEqualTo(200);
    }
}
