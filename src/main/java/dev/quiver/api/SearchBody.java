package dev.quiver.api;

import dev.quiver.collection.QueryVector;
import dev.quiver.collection.SearchRequest;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the usual search body with Jackson's token stream (the same parser, limits and duplicate
 * check as every body) instead of data binding, and the vector's numbers by hand: together a
 * quarter of a small search's CPU before. Accepts only what {@link Requests.Search} binds to the
 * same request; for anything else (an unknown member, a value of another type, a vector that is
 * not plain numbers, malformed JSON) it returns null, and the body takes the full path, which
 * reads it and words its errors.
 *
 * <p>The vector is most of the body, so it is read once: {@link PlainNumberArray} finds and checks
 * it, and Jackson reads the body with {@code []} in its place. That reading counts only if
 * Jackson finds the top-level {@code vector} member's array exactly there; otherwise (the first
 * {@code "vector":[} was nested, or is not a plain-number array) Jackson reads the body as sent.
 */
final class SearchBody {

    private SearchBody() {
    }

    /** The request, or null when the full path must read this body. */
    static SearchRequest parse(JsonMapper mapper, byte[] body) {
        int start = PlainNumberArray.vectorStart(body);
        int end = start < 0 ? -1 : PlainNumberArray.end(body, start);
        QueryVector plain = end < 0 ? null : QueryVector.ofPlainNumbers(body, start, end - start);
        if (plain != null) {
            byte[] rest = new byte[body.length - (end - start) + 2];
            System.arraycopy(body, 0, rest, 0, start);
            rest[start] = '[';
            rest[start + 1] = ']';
            System.arraycopy(body, end, rest, start + 2, body.length - end);
            SearchRequest request = parse(mapper, rest, new ReadAlready(start, plain));
            if (request != null) {
                return request;
            }
        }
        return parse(mapper, body, null);
    }

    private static SearchRequest parse(JsonMapper mapper, byte[] body, ReadAlready vector) {
        try (JsonParser parser = mapper.createParser(body)) {
            return parse(parser, body, vector);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** A vector read by hand before Jackson reads the rest, its array replaced by {@code []} at {@code start}. */
    private static final class ReadAlready {
        final int start;
        final QueryVector vector;
        boolean taken;

        ReadAlready(int start, QueryVector vector) {
            this.start = start;
            this.vector = vector;
        }
    }

    private static SearchRequest parse(JsonParser parser, byte[] body, ReadAlready readAlready) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        String dbName = null;
        String collectionName = null;
        QueryVector vector = null;
        String filter = null;
        Integer limit = null;
        Integer offset = null;
        List<String> outputFields = null;
        Double radius = null;
        Double rangeFilter = null;
        Integer ef = null;
        JsonNode travelTimestamp = null;
        for (String name; (name = parser.nextName()) != null; ) {
            JsonToken value = parser.nextToken();
            boolean ok = switch (name) {
                case "dbName" -> (dbName = text(parser, value)) != null || value == JsonToken.VALUE_NULL;
                case "collectionName" -> (collectionName = text(parser, value)) != null || value == JsonToken.VALUE_NULL;
                case "filter" -> (filter = text(parser, value)) != null || value == JsonToken.VALUE_NULL;
                case "limit" -> (limit = integer(parser, value)) != null || value == JsonToken.VALUE_NULL;
                case "offset" -> (offset = integer(parser, value)) != null || value == JsonToken.VALUE_NULL;
                case "outputFields" -> (outputFields = texts(parser, value)) != null || value == JsonToken.VALUE_NULL;
                case "vector" -> (vector = readAlready == null ? vector(parser, value, body)
                        : taken(parser, value, readAlready)) != null;
                case "travelTimestamp" -> (travelTimestamp = parser.readValueAsTree()) != null;
                case "params" -> {
                    if (value == JsonToken.VALUE_NULL) {
                        yield true;
                    }
                    if (value != JsonToken.START_OBJECT) {
                        yield false;
                    }
                    boolean known = true;
                    for (String param; known && (param = parser.nextName()) != null; ) {
                        JsonToken paramValue = parser.nextToken();
                        known = switch (param) {
                            case "radius" -> (radius = number(parser, paramValue)) != null || paramValue == JsonToken.VALUE_NULL;
                            case "range_filter" -> (rangeFilter = number(parser, paramValue)) != null
                                    || paramValue == JsonToken.VALUE_NULL;
                            case "ef" -> (ef = integer(parser, paramValue)) != null || paramValue == JsonToken.VALUE_NULL;
                            default -> false;
                        };
                    }
                    yield known;
                }
                default -> false;
            };
            if (!ok) {
                return null;
            }
        }
        if (parser.nextToken() != null || (readAlready != null && !readAlready.taken)) {
            return null;
        }
        return new SearchRequest(dbName, collectionName, vector, filter, limit, offset, outputFields, radius,
                rangeFilter, ef, travelTimestamp);
    }

    private static String text(JsonParser parser, JsonToken value) {
        return value == JsonToken.VALUE_STRING ? parser.getString() : null;
    }

    private static Integer integer(JsonParser parser, JsonToken value) {
        return value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
                ? parser.getIntValue() : null;
    }

    private static Double number(JsonParser parser, JsonToken value) {
        return value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT
                ? parser.getDoubleValue() : null;
    }

    private static List<String> texts(JsonParser parser, JsonToken value) {
        if (value != JsonToken.START_ARRAY) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (JsonToken element; (element = parser.nextToken()) != JsonToken.END_ARRAY; ) {
            if (element != JsonToken.VALUE_STRING) {
                return null;
            }
            texts.add(parser.getString());
        }
        return texts;
    }

    /** The vector read already, if Jackson finds the member's (emptied) array just where it was. */
    private static QueryVector taken(JsonParser parser, JsonToken value, ReadAlready readAlready) {
        if (value != JsonToken.START_ARRAY || parser.currentTokenLocation().getByteOffset() != readAlready.start
                || parser.nextToken() != JsonToken.END_ARRAY) {
            return null;
        }
        readAlready.taken = true;
        return readAlready.vector;
    }

    /** The vector's span of the body, checked by Jackson as it skips it, then read by hand. */
    private static QueryVector vector(JsonParser parser, JsonToken value, byte[] body) {
        if (value != JsonToken.START_ARRAY) {
            return null;
        }
        long start = parser.currentTokenLocation().getByteOffset();
        parser.skipChildren();
        long end = parser.currentTokenLocation().getByteOffset() + 1;
        // Jackson knows byte offsets only in UTF-8; other encodings (UTF-16, UTF-32) go the full way.
        if (start < 0 || end <= start) {
            return null;
        }
        return QueryVector.ofPlainNumbers(body, (int) start, (int) (end - start));
    }
}
