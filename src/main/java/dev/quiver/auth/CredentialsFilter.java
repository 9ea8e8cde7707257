package dev.quiver.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the caller named by {@code Authorization} (see {@link Credentials}) in the security
 * context. Credentials that are present but wrong get 401 at once; absent ones leave the request
 * anonymous for the authorization rules to judge.
 */
final class CredentialsFilter extends OncePerRequestFilter {

    static final String WRITE = "WRITE";

    private final Credentials credentials;
    private final EnvelopeWriter envelopeWriter;

    CredentialsFilter(Credentials credentials, EnvelopeWriter envelopeWriter) {
        this.credentials = credentials;
        this.envelopeWriter = envelopeWriter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null && credentials.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        Credentials.Check check = credentials.check(header, request.getRemoteAddr());
        if (check instanceof Credentials.Check.Accepted accepted) {
            authenticate(accepted.principal());
            chain.doFilter(request, response);
        } else if (check instanceof Credentials.Check.Throttled throttled) {
            envelopeWriter.throttledLogin(response, throttled.retryAfterSeconds());
        } else {
            envelopeWriter.wrongCredentials(response);
        }
    }

    private static void authenticate(QuiverPrincipal principal) {
        List<SimpleGrantedAuthority> authorities = principal.readOnly()
                ? List.of() : List.of(new SimpleGrantedAuthority(WRITE));
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal.name(), null, authorities);
        authentication.setDetails(principal);
        SecurityContextHolder.setContext(new SecurityContextImpl(authentication));
    }
}
