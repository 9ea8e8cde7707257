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
 */
final class SearchBody {

    private SearchBody() {
    }

    /** The request, or null when the full path must read this body. */
    static SearchRequest parse(JsonMapper mapper, byte[] body) {
        try (JsonParser parser = mapper.createParser(body)) {
            return parse(parser, body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static SearchRequest parse(JsonParser parser, byte[] body) {
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
                case "vector" -> (vector = vector(parser, value, body)) != null;
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
        if (parser.nextToken() != null) {
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
