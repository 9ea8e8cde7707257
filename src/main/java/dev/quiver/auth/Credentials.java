package dev.quiver.auth;

import dev.quiver.config.AuthProperties;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Reads Milvus credentials from an {@code Authorization} header: HTTP Basic,
 * {@code Bearer user:password}, {@code Bearer <api-key>}, or a bare {@code user:password}
 * (Milvus strips a literal {@code "Bearer "} prefix and splits at the first colon). With auth
 * disabled every request is root. Thread-safe.
 */
@Component
public class Credentials {

    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";

    private final CredentialStore store;
    private final boolean enabled;
    private final LoginThrottle throttle;

    Credentials(CredentialStore store, AuthProperties properties) {
        this.store = store;
        this.enabled = properties.enabled();
        this.throttle = new LoginThrottle(properties.maxFailedLogins());
    }

    boolean enabled() {
        return enabled;
    }

    /** What checking a present {@code Authorization} header found. */
    sealed interface Check {
        record Accepted(QuiverPrincipal principal) implements Check {
        }

        record Wrong() implements Check {
        }

        /** Too many failures from this address or for this user lately: not checked at all. */
        record Throttled(long retryAfterSeconds) implements Check {
        }
    }

    /**
     * Checks the header of a request from {@code address}: credentials verified before pass at
     * once; otherwise a client or user name with too many recent failures is refused without a
     * password check ({@link LoginThrottle}), and a failure counts against both.
     */
    Check check(String authorization, String address) {
        Optional<QuiverPrincipal> known = recognised(authorization);
        if (known.isPresent()) {
            return new Check.Accepted(known.get());
        }
        String user = userName(authorization);
        long wait = throttle.retryAfterSeconds(address, user);
        if (wait > 0) {
            return new Check.Throttled(wait);
        }
        Optional<QuiverPrincipal> principal = principal(authorization);
        if (principal.isPresent()) {
            return new Check.Accepted(principal.get());
        }
        throttle.failed(address, user);
        return new Check.Wrong();
    }

    /**
     * The caller, when that needs no password check: auth is off, the key is an API key (a
     * SHA-256 away), or these credentials were verified before. Empty otherwise, also for
     * credentials that may be right: the full check decides those.
     */
    public Optional<QuiverPrincipal> recognised(String authorization) {
        return lookup(authorization, false);
    }

    /** The caller the header names, or empty when it is absent or its credentials are wrong. */
    Optional<QuiverPrincipal> principal(String authorization) {
        return lookup(authorization, true);
    }

    /** The caller the header names; with {@code checkPassword} false, only one known without a password check. */
    private Optional<QuiverPrincipal> lookup(String authorization, boolean checkPassword) {
        if (!enabled) {
            return Optional.of(QuiverPrincipal.root());
        }
        if (authorization == null) {
            return Optional.empty();
        }
        String header = authorization.strip();
        String credentials = userPasswordText(header);
        if (credentials == null) {
            String token = header.startsWith(BASIC) ? null : bearerToken(header);
            return token == null ? Optional.empty() : store.apiKey(token);
        }
        int colon = credentials.indexOf(':');
        if (colon <= 0 || colon == credentials.length() - 1) {
            return Optional.empty();
        }
        String name = credentials.substring(0, colon);
        String password = credentials.substring(colon + 1);
        return checkPassword ? store.user(name, password) : store.remembered(name, password);
    }

    /** The user name a header claims, or null (an API key, or nothing readable). */
    private static String userName(String authorization) {
        String credentials = authorization == null ? null : userPasswordText(authorization.strip());
        int colon = credentials == null ? -1 : credentials.indexOf(':');
        return colon <= 0 ? null : credentials.substring(0, colon);
    }

    /** {@code user:password} of a Basic or user-password Bearer header, else null. */
    private static String userPasswordText(String header) {
        if (header.startsWith(BASIC)) {
            try {
                return new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        String token = bearerToken(header);
        return token != null && token.indexOf(':') >= 0 ? token : null;
    }

    private static String bearerToken(String header) {
        String token = header.startsWith(BEARER) ? header.substring(BEARER.length()).strip() : header;
        return token.isEmpty() || token.equals("Bearer") ? null : token;
    }
}
