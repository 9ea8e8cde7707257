package dev.quiver.auth;

import java.util.Set;

/**
 * An authenticated caller.
 *
 * @param databases the databases it may use; empty means all
 * @param readOnly whether it may only read
 */
public record QuiverPrincipal(String name, Set<String> databases, boolean readOnly) {

    static final String ROOT = "root";

    static QuiverPrincipal root() {
        return new QuiverPrincipal(ROOT, Set.of(), false);
    }

    boolean mayUse(String database) {
        return databases.isEmpty() || databases.contains(database);
    }
}
