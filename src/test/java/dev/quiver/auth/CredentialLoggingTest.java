package dev.quiver.auth;

import static dev.quiver.auth.EnvelopeAssert.assertForbidden;
import static dev.quiver.auth.EnvelopeAssert.assertOk;
import static dev.quiver.auth.EnvelopeAssert.assertUnauthenticated;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Credentials, accepted or refused, never reach the log (which runs at DEBUG here). */
@ExtendWith(OutputCaptureExtension.class)
class CredentialLoggingTest extends SecuredServerTestSupport {

    private static final String WRONG_PASSWORD = "wrong-password-7731";

    /**
     * Log levels are global to the JVM: a context started later by another test class may have
     * reset them, while this class's context is reused from the cache. Set them again here.
     */
    @BeforeEach
    void logAtDebug() {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel("dev.quiver", LogLevel.DEBUG);
        logging.setLogLevel("org.springframework.security", LogLevel.DEBUG);
    }

    @Test
    void credentialsNeverAppearInTheLog(CapturedOutput output) {
        assertOk(api.get("/v1/vector/collections", HttpApi.basic("root", ROOT_PASSWORD)));
        assertOk(api.get("/v1/vector/collections", ROOT));
        assertOk(api.get("/v1/vector/collections", "root:" + ROOT_PASSWORD));
        assertOk(api.get("/v1/vector/collections", HttpApi.bearer(API_KEY)));
        assertUnauthenticated(api.get("/v1/vector/collections", HttpApi.bearer("root:" + WRONG_PASSWORD)));
        assertUnauthenticated(api.get("/v1/vector/collections", HttpApi.bearer(API_KEY + WRONG_PASSWORD)));
        assertForbidden(api.post("/v1/vector/collections/create", READER,
                "{\"collectionName\":\"logged\",\"dimension\":2}"));
        assertOk(api.post("/v1/vector/collections/create", ROOT, "{\"collectionName\":\"logged\",\"dimension\":2}"));
        assertOk(api.post("/v1/vector/collections/drop", ROOT, "{\"collectionName\":\"logged\"}"));

        String log = output.getAll();
        // The capture works: the requests above were logged at DEBUG.
        assertThat(log).contains("/v1/vector/collections");
        assertThat(log).doesNotContain(ROOT_PASSWORD, READER_PASSWORD, API_KEY, WRONG_PASSWORD,
                Base64.getEncoder().encodeToString(("root:" + ROOT_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
