package dev.quiver.expr;

import java.util.function.Predicate;

/**
 * Milvus {@code like} patterns: {@code %} matches any run of characters, {@code _} exactly one,
 * and a backslash makes either literal. Plain prefix, suffix and infix patterns use the string
 * methods; anything else runs the classic wildcard match, which backtracks only to the last
 * {@code %} and so stays within O(pattern × value) steps. A regular expression would let a
 * pattern such as {@code %a%a%a%a%b} take exponential time on a long value.
 */
final class LikePattern {

    /** Pattern element kinds: a literal character, {@code _} or {@code %}. */
    private static final char LITERAL = 'L';
    private static final char ONE = '_';
    private static final char ANY = '%';

    private LikePattern() {
    }

    static Predicate<String> compile(String pattern) {
        StringBuilder kinds = new StringBuilder();
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                kinds.append(LITERAL);
                chars.append(pattern.charAt(++i));
            } else if (c == '%' || c == '_') {
                kinds.append(c);
                chars.append(c);
            } else {
                kinds.append(LITERAL);
                chars.append(c);
            }
        }
        return shortcut(kinds.toString(), chars.toString());
    }

    private static Predicate<String> shortcut(String kinds, String chars) {
        int wildcards = count(kinds, ANY);
        boolean hasOne = kinds.indexOf(ONE) >= 0;
        if (!hasOne) {
            boolean leading = kinds.startsWith("%");
            boolean trailing = kinds.endsWith("%") && kinds.length() > (leading ? 1 : 0);
            String text = chars.substring(leading ? 1 : 0, chars.length() - (trailing ? 1 : 0));
            if (wildcards == 0) {
                return text::equals;
            }
            if (wildcards == 1 && trailing) {
                return value -> value.startsWith(text);
            }
            if (wildcards == 1 && leading) {
                return value -> value.endsWith(text);
            }
            if (wildcards == 2 && leading && trailing) {
                return value -> value.contains(text);
            }
        }
        char[] k = kinds.toCharArray();
        char[] c = chars.toCharArray();
        return value -> matches(k, c, value);
    }

    /** Wildcard match that, on a mismatch, resumes from the most recent {@code %} only. */
    private static boolean matches(char[] kinds, char[] chars, String value) {
        int p = 0;
        int v = 0;
        int star = -1;
        int resume = 0;
        while (v < value.length()) {
            if (p < kinds.length && (kinds[p] == ONE || (kinds[p] == LITERAL && chars[p] == value.charAt(v)))) {
                p++;
                v++;
            } else if (p < kinds.length && kinds[p] == ANY) {
                star = p++;
                resume = v;
            } else if (star >= 0) {
                p = star + 1;
                v = ++resume;
            } else {
                return false;
            }
        }
        while (p < kinds.length && kinds[p] == ANY) {
            p++;
        }
        return p == kinds.length;
    }

    private static int count(String text, char wanted) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == wanted) {
                count++;
            }
        }
        return count;
    }
}
