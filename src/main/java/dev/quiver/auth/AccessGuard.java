package dev.quiver.auth;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Checks that the caller may use the database a request names (users may be limited to some). */
@Component
public class AccessGuard {

    private static final String DEFAULT_DATABASE = "default";

    /** For the caller in the security context. */
    public void requireDatabase(String dbName) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getDetails() instanceof QuiverPrincipal principal)) {
            throw new AccessDeniedException("the request is not authenticated");
        }
        if (!allows(principal, dbName)) {
            throw new AccessDeniedException("user " + principal.name() + " may not use database " + database(dbName));
        }
    }

    public boolean allows(QuiverPrincipal principal, String dbName) {
        return principal.mayUse(database(dbName));
    }

    private static String database(String dbName) {
        return dbName == null || dbName.isEmpty() ? DEFAULT_DATABASE : dbName;
    }
}
