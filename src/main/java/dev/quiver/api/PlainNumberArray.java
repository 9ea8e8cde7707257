package dev.quiver.api;

import java.nio.charset.StandardCharsets;

/**
 * Finds a search body's vector and checks, byte by byte, that it is an array of nothing but
 * numbers: the part that is most of a search body's length, checked here once so that Jackson
 * need not tokenise it too (see {@link SearchBody}). Strict: it passes a subset of what Jackson
 * passes (RFC 8259 numbers of at most {@value #MAX_NUMBER} characters, JSON whitespace, commas
 * between), so an array it passes is one Jackson would have read.
 */
final class PlainNumberArray {

    /** Longer numbers (Jackson allows 400 characters) are left to Jackson; no float needs them. */
    static final int MAX_NUMBER = 64;

    private static final byte[] VECTOR = "\"vector\"".getBytes(StandardCharsets.US_ASCII);

    private PlainNumberArray() {
    }

    /**
     * Where the first {@code "vector"} in the body that is followed by a colon and an array has
     * that array's {@code [}, or -1. It may be a string or a nested member rather than the top
     * level's: the caller checks with Jackson where the top-level member's array begins.
     */
    static int vectorStart(byte[] json) {
        for (int i = 0; i + VECTOR.length <= json.length; i++) {
            if (json[i] == '"' && matches(json, i)) {
                int colon = whitespaceEnd(json, i + VECTOR.length);
                if (colon < json.length && json[colon] == ':') {
                    int open = whitespaceEnd(json, colon + 1);
                    if (open < json.length && json[open] == '[') {
                        return open;
                    }
                }
            }
        }
        return -1;
    }

    /** Just past the {@code ]} of the plain-number array at {@code json[start]}, or -1 when it is not one. */
    static int end(byte[] json, int start) {
        if (start >= json.length || json[start] != '[') {
            return -1;
        }
        int i = whitespaceEnd(json, start + 1);
        if (i < json.length && json[i] == ']') {
            return i + 1;
        }
        while (true) {
            int numberEnd = numberEnd(json, i);
            if (numberEnd < 0) {
                return -1;
            }
            i = whitespaceEnd(json, numberEnd);
            if (i >= json.length) {
                return -1;
            }
            if (json[i] == ']') {
                return i + 1;
            }
            if (json[i] != ',') {
                return -1;
            }
            i = whitespaceEnd(json, i + 1);
        }
    }

    /** Where the RFC 8259 number at {@code start} ends, or -1: {@code -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?}. */
    private static int numberEnd(byte[] json, int start) {
        int i = start;
        if (i < json.length && json[i] == '-') {
            i++;
        }
        if (i < json.length && json[i] == '0') {
            i++;
        } else {
            int digits = digitsEnd(json, i);
            if (digits == i) {
                return -1;
            }
            i = digits;
        }
        if (i < json.length && json[i] == '.') {
            int digits = digitsEnd(json, i + 1);
            if (digits == i + 1) {
                return -1;
            }
            i = digits;
        }
        if (i < json.length && (json[i] == 'e' || json[i] == 'E')) {
            i++;
            if (i < json.length && (json[i] == '+' || json[i] == '-')) {
                i++;
            }
            int digits = digitsEnd(json, i);
            if (digits == i) {
                return -1;
            }
            i = digits;
        }
        return i - start <= MAX_NUMBER ? i : -1;
    }

    private static int digitsEnd(byte[] json, int i) {
        while (i < json.length && json[i] >= '0' && json[i] <= '9') {
            i++;
        }
        return i;
    }

    private static int whitespaceEnd(byte[] json, int i) {
        while (i < json.length && (json[i] == ' ' || json[i] == '\n' || json[i] == '\r' || json[i] == '\t')) {
            i++;
        }
        return i;
    }

    private static boolean matches(byte[] json, int at) {
        for (int j = 1; j < VECTOR.length; j++) {
            if (json[at + j] != VECTOR[j]) {
                return false;
            }
        }
        return true;
    }
}
