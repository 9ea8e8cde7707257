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

    Credentials(CredentialStore store, AuthProperties properties) {
        this.store = store;
        this.enabled = properties.enabled();
    }

    boolean enabled() {
        return enabled;
    }

    /** The caller the header names, or empty when it is absent or its credentials are wrong. */
    public Optional<QuiverPrincipal> principal(String authorization) {
        if (!enabled) {
            return Optional.of(QuiverPrincipal.root());
        }
        return authorization == null ? Optional.empty() : verified(authorization.strip());
    }

    /** Empty when the credentials in a present header are wrong or unreadable. */
    private Optional<QuiverPrincipal> verified(String header) {
        if (header.startsWith(BASIC)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).strip()),
                        StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            return userPassword(decoded);
        }
        String token = header.startsWith(BEARER) ? header.substring(BEARER.length()).strip() : header;
        if (token.isEmpty() || token.equals("Bearer")) {
            return Optional.empty();
        }
        return token.indexOf(':') >= 0 ? userPassword(token) : store.apiKey(token);
    }

    private Optional<QuiverPrincipal> userPassword(String credentials) {
        int colon = credentials.indexOf(':');
        if (colon <= 0 || colon == credentials.length() - 1) {
            return Optional.empty();
        }
        return store.user(credentials.substring(0, colon), credentials.substring(colon + 1));
    }
}
