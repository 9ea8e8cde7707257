package dev.quiver.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The auth settings may be printed (a failed start reports bound properties); secrets may not. */
class AuthPropertiesTest {

    @Test
    void toStringNamesUsersAndKeysButNoSecret() {
        AuthProperties properties = new AuthProperties(true, "s3cret-root",
                List.of(new AuthProperties.User("alice", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv", List.of("db1"), true)),
                List.of(new AuthProperties.ApiKey("ci", "a".repeat(64), List.of(), false)), 10);

        assertThat(properties.toString()).contains("alice", "ci", "db1", "rootPassword=******")
                .doesNotContain("s3cret-root", "$2a$10$", "a".repeat(64));
        assertThat(new AuthProperties(true, null, List.of(), List.of(), 10).toString()).contains("rootPassword=unset");
    }
}
