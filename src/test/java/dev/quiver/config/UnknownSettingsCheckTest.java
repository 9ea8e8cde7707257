package dev.quiver.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** A misspelt quiver setting stops the start instead of being silently ignored. */
class UnknownSettingsCheckTest {

    @Test
    void knownSettingsInEverySpellingPass() {
        StandardEnvironment environment = environment(Map.of("quiver.data-dir", "/tmp/q", "quiver.segmentRows", "64",
                "quiver.auth.users[0].name", "alice", "quiver.kernel", "scalar"),
                Map.of("QUIVER_AUTH_ROOT_PASSWORD", "x", "QUIVER_API_MAX_REQUEST_SIZE", "1MB"));

        assertThatCode(() -> new UnknownSettingsCheck(environment)).doesNotThrowAnyException();
    }

    @Test
    void aMisspeltPropertyOrEnvironmentVariableStopsTheStart() {
        assertThatIllegalStateException()
                .isThrownBy(() -> new UnknownSettingsCheck(environment(Map.of("quiver.retension", "1d"), Map.of())))
                .withMessageContaining("quiver.retension (from test)").withMessageContaining("quiver.retention");
        assertThatIllegalStateException()
                .isThrownBy(() -> new UnknownSettingsCheck(environment(Map.of(),
                        Map.of("QUIVER_AUTH_ROOT_PASWORD", "x", "QUIVER_PORT", "tcp://10.0.0.1:19530"))))
                .withMessageContaining("QUIVER_AUTH_ROOT_PASWORD").withMessageContaining("QUIVER_PORT");
    }

    private static StandardEnvironment environment(Map<String, Object> properties, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().forEach(source -> environment.getPropertySources().remove(source.getName()));
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        environment.getPropertySources().addLast(new SystemEnvironmentPropertySource("variables", variables));
        return environment;
    }
}
