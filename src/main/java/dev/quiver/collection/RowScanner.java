package dev.quiver.collection;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Walks JSON text that is known to be well-formed (Jackson has read it once already) by its
 * structure alone: where a value ends, where the next member starts; and reads the one value
 * that dominates an insert, the vector, itself. Whatever else there is goes to Jackson as a span,
 * and so does a vector out of the ordinary, so every other value is decoded, and every error
 * worded, by one parser.
 */
final class RowScanner {

    /** 10^0 to 10^22, every one exact in a double. */
    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private final byte[] json;
    private final int end;
    private int position;
    /** The value of the number {@link #number(int)} read last. */
    private double number;

    RowScanner(byte[] json, int offset, int length) {
        this.json = json;
        this.position = offset;
        this.end = offset + length;
    }

    byte[] json() {
        return json;
    }

    int position() {
        return position;
    }

    /** The next byte that is not whitespace, without taking it; -1 at the end. */
    int peek() {
        position = skipWhitespace(position);
        return position < end ? json[position] : -1;
    }

    /** Takes the next byte that is not whitespace. */
    void take() {
        peek();
        position++;
    }

    /** Takes a whole value, returning where it starts; {@link #position()} is then just past it. */
    int value() {
        peek();
        int start = position;
        position = valueEnd(start);
        return start;
    }

    /**
     * Takes the usual vector: an array of exactly {@code dimension} numbers, all finite in
     * float32. Returns null and takes nothing for anything else, which Jackson then takes apart
     * and words the error for. Components round as Jackson's tree would have them: integers
     * exactly, then once to float32; other numbers to the nearest double, then to float32.
     */
    float[] plainVector(int dimension) {
        return plainVector(dimension, true);
    }

    /** As {@link #plainVector(int)}, of any length: a search's query, read before the dimension is known. */
    float[] plainVectorOfAnyLength() {
        return plainVector(16, false);
    }

    private float[] plainVector(int capacity, boolean exactly) {
        if (peek() != '[') {
            return null;
        }
        float[] values = new float[capacity];
        int count = 0;
        int i = skipWhitespace(position + 1);
        while (json[i] != ']') {
            int numberEnd = number(i);
            if (numberEnd < 0 || (exactly && count == capacity)) {
                return null;
            }
            float value = (float) number;
            if (!Float.isFinite(value)) {
                return null;
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, 2 * count);
            }
            values[count++] = value;
            i = skipWhitespace(numberEnd);
            if (json[i] == ',') {
                i = skipWhitespace(i + 1);
            }
        }
        if (exactly && count != capacity) {
            return null;
        }
        position = i + 1;
        return count == values.length ? values : Arrays.copyOf(values, count);
    }

    /**
     * Reads the number starting at {@code start} into {@link #number}, returning where it ends;
     * -1 when no number starts there. Most vectors hold short decimals, which one exact
     * multiplication or division converts, correctly rounded (Clinger's fast path: at most 15
     * significant digits and a power of ten of at most 22, all exact in a double); the rest go
     * to a full, correctly rounding parser.
     */
    private int number(int start) {
        int i = start;
        boolean negative = json[i] == '-';
        if (negative) {
            i++;
        }
        if (i >= end || !isDigit(json[i])) {
            return -1;
        }
        long mantissa = 0;
        int significant = 0;
        int exponent = 0;
        for (; i < end && isDigit(json[i]); i++) {
            mantissa = mantissa * 10 + (json[i] - '0');
            significant += mantissa != 0 ? 1 : 0;
        }
        boolean integral = true;
        if (i < end && json[i] == '.') {
            integral = false;
            for (i++; i < end && isDigit(json[i]); i++) {
                mantissa = mantissa * 10 + (json[i] - '0');
                significant += mantissa != 0 ? 1 : 0;
                exponent--;
            }
        }
        if (i < end && (json[i] == 'e' || json[i] == 'E')) {
            integral = false;
            i++;
            boolean negativeExponent = json[i] == '-';
            if (json[i] == '-' || json[i] == '+') {
                i++;
            }
            int written = 0;
            for (; i < end && isDigit(json[i]); i++) {
                written = Math.min(written * 10 + (json[i] - '0'), 100_000);
            }
            exponent += negativeExponent ? -written : written;
        }
        if (integral && significant <= 18) {
            // As Jackson's tree: an integer, so "-0" is plain zero.
            number = negative ? -mantissa : mantissa;
        } else if (!integral && significant <= 15 && exponent >= -22 && exponent <= 22) {
            double magnitude = exponent < 0 ? mantissa / POWERS_OF_TEN[-exponent] : mantissa * POWERS_OF_TEN[exponent];
            number = negative ? -magnitude : magnitude;
        } else {
            number = JavaDoubleParser.parseDouble(json, start, i - start);
        }
        return i;
    }

    /** Takes a member's name and the colon after it. */
    String name() {
        peek();
        int start = position;
        int stop = stringEnd(start);
        position = stop;
        take(); // the colon
        for (int i = start + 1; i < stop - 1; i++) {
            if (json[i] == '\\') {
                return null; // escaped: the caller lets Jackson read it
            }
        }
        return new String(json, start + 1, stop - start - 2, StandardCharsets.UTF_8);
    }

    /** Where the value starting at {@code start} ends (exclusive). */
    int valueEnd(int start) {
        byte first = json[start];
        if (first == '"') {
            return stringEnd(start);
        }
        if (first == '{' || first == '[') {
            int depth = 0;
            int i = start;
            while (true) {
                byte b = json[i];
                if (b == '"') {
                    i = stringEnd(i);
                    continue;
                }
                if (b == '{' || b == '[') {
                    depth++;
                } else if ((b == '}' || b == ']') && --depth == 0) {
                    return i + 1;
                }
                i++;
            }
        }
        int i = start;
        while (i < end && !isDelimiter(json[i])) {
            i++;
        }
        return i;
    }

    private int stringEnd(int start) {
        int i = start + 1;
        while (json[i] != '"') {
            i += json[i] == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private int skipWhitespace(int i) {
        while (i < end && isWhitespace(json[i])) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isDelimiter(byte b) {
        return b == ',' || b == ']' || b == '}' || isWhitespace(b);
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\n' || b == '\r' || b == '\t';
    }
}
