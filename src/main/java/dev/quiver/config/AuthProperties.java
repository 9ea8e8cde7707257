package dev.quiver.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may call the API. Secrets are only ever stored hashed: users carry a Spring Security
 * password hash ({@code {bcrypt}$2a$...}), API keys the hex SHA-256 of the key. The root password
 * alone may be given in clear (from {@code QUIVER_AUTH_ROOT_PASSWORD}); it is hashed at start.
 *
 * @param enabled when false every request is let through as root and credentials are ignored
 * @param rootPassword password of user {@code root}; generated and logged once when absent
 * @param users further users
 * @param apiKeys API keys, sent as {@code Authorization: Bearer <key>}
 * @param maxFailedLogins failed logins per minute from one client address, or for one user name,
 *     after which further attempts are refused (401 with Retry-After) without a password check
 */
@Validated
@ConfigurationProperties("quiver.auth")
public record AuthProperties(
        @DefaultValue("true") boolean enabled,
        String rootPassword,
        @DefaultValue List<@Valid User> users,
        @DefaultValue List<@Valid ApiKey> apiKeys,
        @DefaultValue("10") @Min(1) int maxFailedLogins) {

    /** Names are recorded with every soft delete, in a column of this width. */
    public static final int NAME_MAX = 255;

    /** Says whether a root password is set, never what it is (this record may end up in a log). */
    @Override
    public String toString() {
        return "AuthProperties[enabled=" + enabled + ", rootPassword=" + (rootPassword == null ? "unset" : "******")
                + ", users=" + users + ", apiKeys=" + apiKeys + ", maxFailedLogins=" + maxFailedLogins + "]";
    }

    /**
     * @param databases databases the user may use; empty means all
     * @param readOnly when true the user may only list, describe, get, query and search
     */
    public record User(
            @NotBlank @Size(max = NAME_MAX) String name,
            @NotBlank String passwordHash,
            @DefaultValue List<String> databases,
            @DefaultValue("false") boolean readOnly) {

        @Override
        public String toString() {
            return "User[name=" + name + ", passwordHash=******, databases=" + databases + ", readOnly=" + readOnly + "]";
        }
    }

    /**
     * @param sha256 lower-case hex SHA-256 of the key, as {@code printf %s "$KEY" | sha256sum} prints it
     */
    public record ApiKey(
            @NotBlank @Size(max = NAME_MAX) String name,
            @NotBlank @Pattern(regexp = "[0-9a-f]{64}") String sha256,
            @DefaultValue List<String> databases,
            @DefaultValue("false") boolean readOnly) {

        @Override
        public String toString() {
            return "ApiKey[name=" + name + ", sha256=******, databases=" + databases + ", readOnly=" + readOnly + "]";
        }
    }
}
