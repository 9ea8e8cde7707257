package dev.quiver.auth;

import static dev.quiver.auth.EnvelopeAssert.assertOk;
import static dev.quiver.auth.EnvelopeAssert.assertUnauthenticated;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * No credential is built in: without a root password the service makes one at start and logs it
 * once. Its own context, started while the class-level output capture is active.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "quiver.auth.root-password="})
@ExtendWith(OutputCaptureExtension.class)
class GeneratedRootPasswordTest {

    private static final Pattern GENERATED = Pattern.compile("Generated one for this run: root:(\\S+)");

    @LocalServerPort
    int port;

    @Test
    void startupLogsTheGeneratedRootPasswordExactlyOnce(CapturedOutput output) {
        assertThat(generatedPasswords(output.getAll())).hasSize(1);
        assertThat(output.getAll()).contains("QUIVER_AUTH_ROOT_PASSWORD");
    }

    @Test
    void generatedPasswordAuthenticatesRootAndIsNotLoggedAgain(CapturedOutput output) {
        List<String> logged = generatedPasswords(output.getAll());
        assertThat(logged).hasSize(1);
        String password = logged.get(0);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        HttpApi api = new HttpApi(port);

        assertOk(api.get("/v1/vector/collections", HttpApi.bearer("root:" + password)));
        assertOk(api.get("/v1/vector/collections", HttpApi.basic("root", password)));
        assertUnauthenticated(api.get("/v1/vector/collections", HttpApi.bearer("root:test-root-password")));
        assertUnauthenticated(api.get("/v1/vector/collections", null));

        assertThat(occurrences(output.getAll(), password)).isEqualTo(1);
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static List<String> generatedPasswords(String log) {
        List<String> passwords = new ArrayList<>();
        Matcher matcher = GENERATED.matcher(log);
        while (matcher.find()) {
            passwords.add(matcher.group(1));
        }
        return passwords;
    }
}
