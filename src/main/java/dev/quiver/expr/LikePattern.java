package dev.quiver.expr;

import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Milvus {@code like} patterns: {@code %} matches any run of characters, {@code _} exactly one,
 * and a backslash makes either literal. Plain prefix, suffix and infix patterns avoid regular
 * expressions, since they are by far the most common.
 */
final class LikePattern {

    private LikePattern() {
    }

    static Predicate<String> compile(String pattern) {
        StringBuilder literal = new StringBuilder();
        StringBuilder regex = new StringBuilder();
        boolean simple = true;
        int wildcards = 0;
        boolean leading = false;
        boolean trailing = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                char next = pattern.charAt(++i);
                literal.append(next);
                regex.append(Pattern.quote(String.valueOf(next)));
            } else if (c == '%') {
                wildcards++;
                leading |= i == 0;
                trailing |= i == pattern.length() - 1;
                simple &= i == 0 || i == pattern.length() - 1;
                regex.append(".*");
            } else if (c == '_') {
                simple = false;
                regex.append('.');
            } else {
                literal.append(c);
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        String text = literal.toString();
        if (simple && wildcards == 0) {
            return text::equals;
        }
        if (simple && leading && trailing) {
            return value -> value.contains(text);
        }
        if (simple && trailing && wildcards == 1) {
            return value -> value.startsWith(text);
        }
        if (simple && leading && wildcards == 1) {
            return value -> value.endsWith(text);
        }
        Pattern compiled = Pattern.compile(regex.toString(), Pattern.DOTALL);
        return value -> compiled.matcher(value).matches();
    }
}
