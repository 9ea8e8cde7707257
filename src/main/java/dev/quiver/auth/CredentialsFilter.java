package dev.quiver.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads Milvus credentials from {@code Authorization}: HTTP Basic, {@code Bearer user:password},
 * {@code Bearer <api-key>}, or a bare {@code user:password} (Milvus strips a literal
 * {@code "Bearer "} prefix and splits at the first colon). Credentials that are present but wrong
 * get 401 at once; absent ones leave the request anonymous for the authorization rules to judge.
 */
final class CredentialsFilter extends OncePerRequestFilter {

    static final String WRITE = "WRITE";
    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";

    private final CredentialStore store;
    private final boolean enabled;
    private final EnvelopeWriter envelopeWriter;

    CredentialsFilter(CredentialStore store, boolean enabled, EnvelopeWriter envelopeWriter) {
        this.store = store;
        this.enabled = enabled;
        this.envelopeWriter = envelopeWriter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!enabled) {
            authenticate(QuiverPrincipal.root());
            chain.doFilter(request, response);
            return;
        }
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        Optional<QuiverPrincipal> principal = principal(header.strip());
        if (principal.isEmpty()) {
            envelopeWriter.unauthenticated(response);
            return;
        }
        authenticate(principal.get());
        chain.doFilter(request, response);
    }

    private Optional<QuiverPrincipal> principal(String header) {
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

    private static void authenticate(QuiverPrincipal principal) {
        List<SimpleGrantedAuthority> authorities = principal.readOnly()
                ? List.of() : List.of(new SimpleGrantedAuthority(WRITE));
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal.name(), null, authorities);
        authentication.setDetails(principal);
        SecurityContextHolder.setContext(new SecurityContextImpl(authentication));
    }
}
