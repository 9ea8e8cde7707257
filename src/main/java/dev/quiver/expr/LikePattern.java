package dev.quiver.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Milvus {@code like} patterns: {@code %} matches any run of characters, {@code _} exactly one,
 * and a backslash makes either literal. The pattern is cut at each {@code %} into segments; the
 * first and last are matched in place (unless the pattern starts or ends with {@code %}), and
 * each one between is found leftmost, after the one before, with a bit-parallel (shift-and)
 * scan. So a value is read once per segment, in at most {@code value length × ⌈segment
 * length / 64⌉} word steps: linear in the value for patterns up to {@link #MAX_LENGTH}. The
 * classic backtracking match took pattern × value steps ({@code "%aaaa…b_"} against a long run
 * of {@code a}), and a regular expression can take exponential time.
 */
final class LikePattern {

    /** The longest pattern, in characters: each scan step costs up to 64 words at this length. */
    static final int MAX_LENGTH = 4096;

    private LikePattern() {
    }

    /** Compiles a pattern; the caller has checked it is at most {@link #MAX_LENGTH} long. */
    static Predicate<String> compile(String pattern) {
        List<Segment> segments = new ArrayList<>();
        StringBuilder chars = new StringBuilder();
        StringBuilder wild = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '%') {
                segments.add(new Segment(chars.toString(), wild.toString()));
                chars.setLength(0);
                wild.setLength(0);
                continue;
            }
            if (c == '\\' && i + 1 < pattern.length()) {
                c = pattern.charAt(++i);
                wild.append('L');
            } else {
                wild.append(c == '_' ? '_' : 'L');
            }
            chars.append(c);
        }
        segments.add(new Segment(chars.toString(), wild.toString()));
        return shortcut(segments);
    }

    private static Predicate<String> shortcut(List<Segment> segments) {
        Segment first = segments.get(0);
        Segment last = segments.get(segments.size() - 1);
        if (segments.size() == 1) {
            return first.literal() ? first.text::equals : value -> value.length() == first.length() && first.at(value, 0);
        }
        List<Segment> middle = segments.subList(1, segments.size() - 1).stream().filter(s -> s.length() > 0).toList();
        if (middle.isEmpty() && first.literal() && last.literal()) {
            return value -> value.length() >= first.length() + last.length() && value.startsWith(first.text)
                    && value.endsWith(last.text);
        }
        return value -> matches(first, middle, last, value);
    }

    private static boolean matches(Segment first, List<Segment> middle, Segment last, String value) {
        int end = value.length() - last.length();
        if (end < first.length() || !first.at(value, 0) || !last.at(value, end)) {
            return false;
        }
        int position = first.length();
        for (Segment segment : middle) {
            int found = segment.find(value, position, end);
            if (found < 0) {
                return false;
            }
            position = found + segment.length();
        }
        return true;
    }

    /** A run of literal characters and {@code _} between two {@code %}. */
    private static final class Segment {

        private final String text;
        /** 'L' for a literal character, '_' for any one character, per position. */
        private final String kinds;
        private final int words;
        /** Shift-and masks: bit j of a character's mask is set when position j accepts it. */
        private final Map<Character, long[]> masks = new HashMap<>();
        private final long[] anyChar;

        Segment(String text, String kinds) {
            this.text = text;
            this.kinds = kinds;
            this.words = Math.max(1, (text.length() + 63) >>> 6);
            this.anyChar = new long[words];
            for (int j = 0; j < kinds.length(); j++) {
                if (kinds.charAt(j) == '_') {
                    anyChar[j >>> 6] |= 1L << j;
                }
            }
            for (int j = 0; j < text.length(); j++) {
                if (kinds.charAt(j) == 'L') {
                    masks.computeIfAbsent(text.charAt(j), c -> anyChar.clone())[j >>> 6] |= 1L << j;
                }
            }
        }

        int length() {
            return text.length();
        }

        boolean literal() {
            return kinds.indexOf('_') < 0;
        }

        /** Whether the segment matches {@code value} at {@code start} (which leaves room for it). */
        boolean at(String value, int start) {
            for (int j = 0; j < text.length(); j++) {
                if (kinds.charAt(j) == 'L' && value.charAt(start + j) != text.charAt(j)) {
                    return false;
                }
            }
            return true;
        }

        /** The leftmost start at or after {@code from} where the segment fits before {@code end}, or -1. */
        int find(String value, int from, int end) {
            int m = text.length();
            long[] state = new long[words];
            int top = (m - 1) >>> 6;
            long accept = 1L << ((m - 1) & 63);
            for (int i = from; i < end; i++) {
                long[] mask = masks.getOrDefault(value.charAt(i), anyChar);
                long carry = 1;
                for (int w = 0; w <= top; w++) {
                    long shifted = (state[w] << 1) | carry;
                    carry = state[w] >>> 63;
                    state[w] = shifted & mask[w];
                }
                if ((state[top] & accept) != 0) {
                    return i - m + 1;
                }
            }
            return -1;
        }
    }
}
