package dev.quiver.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One server on a real port, shared by the auth tests (one Spring context for all of them): root,
 * a read-only user, a user limited to the {@code default} database, a user whose password holds
 * colons, and an API key. Hashes are made here because configuration only ever holds hashes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "quiver.api.databases[0]=other",
        // Verbose on purpose: the logging test checks that no credential reaches even debug output.
        "logging.level.dev.quiver=DEBUG",
        "logging.level.org.springframework.security=DEBUG"})
abstract class SecuredServerTestSupport {

    static final String ROOT_PASSWORD = "test-root-password";
    static final String ROOT = HttpApi.bearer("root:" + ROOT_PASSWORD);
    static final String READER_PASSWORD = "reader-only-secret";
    static final String READER = HttpApi.bearer("reader:" + READER_PASSWORD);
    static final String LIMITED_PASSWORD = "default-db-secret";
    static final String LIMITED = HttpApi.bearer("limited:" + LIMITED_PASSWORD);
    static final String COLON_PASSWORD = "pa:ss:word";
    static final String API_KEY = "qk-ci-7d1f0c9e4b2a4f35";

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private static final String READER_HASH = ENCODER.encode(READER_PASSWORD);
    private static final String LIMITED_HASH = ENCODER.encode(LIMITED_PASSWORD);
    private static final String COLON_HASH = ENCODER.encode(COLON_PASSWORD);

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    HttpApi api;

    @DynamicPropertySource
    static void credentials(DynamicPropertyRegistry registry) {
        registry.add("quiver.auth.users[0].name", () -> "reader");
        registry.add("quiver.auth.users[0].password-hash", () -> READER_HASH);
        registry.add("quiver.auth.users[0].read-only", () -> "true");
        registry.add("quiver.auth.users[1].name", () -> "limited");
        registry.add("quiver.auth.users[1].password-hash", () -> LIMITED_HASH);
        registry.add("quiver.auth.users[1].databases[0]", () -> "default");
        registry.add("quiver.auth.users[2].name", () -> "colon");
        registry.add("quiver.auth.users[2].password-hash", () -> COLON_HASH);
        registry.add("quiver.auth.api-keys[0].name", () -> "ci");
        registry.add("quiver.auth.api-keys[0].sha256", () -> sha256Hex(API_KEY));
    }

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    /** Lower-case hex SHA-256, as {@code printf %s "$KEY" | sha256sum} prints it. */
    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
