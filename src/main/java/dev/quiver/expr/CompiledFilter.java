package dev.quiver.expr;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * A filter compiled for one request: a predicate over row ordinals, safe to call from several
 * threads, plus the primary keys it is confined to when it pins the key ({@code pk in [...]},
 * {@code pk == c}, or either joined by {@code and}), so callers can look rows up instead of
 * scanning.
 */
public interface CompiledFilter extends IntPredicate {

    /** Keys (Long or String) that every matching row has one of, or null when any row may match. */
    List<Object> candidateKeys();
}
