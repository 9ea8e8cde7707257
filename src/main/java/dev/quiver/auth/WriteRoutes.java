package dev.quiver.auth;

import java.util.List;

/**
 * The POST routes that change data, which read-only users may not call. The API declares them
 * (it owns its routes); the security chain enforces them, so this package needs nothing from the
 * API's.
 */
public record WriteRoutes(List<String> paths) {

    public WriteRoutes {
        paths = List.copyOf(paths);
    }
}
