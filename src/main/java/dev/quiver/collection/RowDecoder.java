package dev.quiver.collection;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates the {@code data} of an insert or upsert against a schema before anything is stored,
 * so a rejected request changes nothing. Every error is code 1804 and names the row and field.
 */
final class RowDecoder {

    private RowDecoder() {
    }

    static List<DecodedRow> decode(RowsJson data, CollectionSchema schema, JsonMapper mapper) {
        if (data == null || data.isNull()) {
            throw QuiverException.missing("collectionName", "data");
        }
        RowScanner rows = data.scanner();
        List<DecodedRow> decoded = new ArrayList<>();
        Map<Object, Integer> rowByKey = new HashMap<>();
        if (rows.peek() != '[') {
            add(decodeRow(rows, 0, schema, mapper), 0, decoded, rowByKey);
            return decoded;
        }
        rows.take();
        for (int i = 0; rows.peek() != ']'; i++) {
            add(decodeRow(rows, i, schema, mapper), i, decoded, rowByKey);
            if (rows.peek() == ',') {
                rows.take();
            }
        }
        if (decoded.isEmpty()) {
            throw new QuiverException(ErrorCode.BAD_INSERT_DATA, "data holds no rows");
        }
        return decoded;
    }

    private static void add(DecodedRow row, int index, List<DecodedRow> decoded, Map<Object, Integer> rowByKey) {
        if (row.key() != null) {
            Integer earlier = rowByKey.putIfAbsent(row.key(), index);
            if (earlier != null) {
                throw QuiverException.badRow(index, "primary key " + row.key() + " repeats the key of row " + earlier);
            }
        }
        decoded.add(row);
    }

    /**
     * Reads the row that starts at the scanner: its vector straight into a float array, its
     * other fields into a small tree that the key, scalar and dynamic field checks read.
     */
    private static DecodedRow decodeRow(RowScanner rows, int index, CollectionSchema schema, JsonMapper mapper) {
        byte[] json = rows.json();
        if (rows.peek() != '{') {
            int start = rows.value();
            JsonNode row = mapper.readTree(json, start, rows.position() - start);
            throw QuiverException.badRow(index, "a row must be a JSON object, got " + row.getNodeType());
        }
        rows.take();
        ObjectNode row = mapper.createObjectNode();
        StreamedVector vector = null;
        while (rows.peek() != '}') {
            int nameStart = rows.position();
            String name = rows.name();
            if (name == null) {
                name = mapper.readTree(json, nameStart, rows.position() - nameStart - 1).stringValue();
            }
            if (name.equals(schema.vectorField())) {
                vector = vector(rows, schema, mapper);
            } else {
                int start = rows.value();
                row.set(name, mapper.readTree(json, start, rows.position() - start));
            }
            if (rows.peek() == ',') {
                rows.take();
            }
        }
        rows.take();
        try {
            Object key = key(row, index, schema);
            if (vector == null) {
                throw QuiverException.badRow(index, "missing field '" + schema.vectorField() + "'");
            }
            return new DecodedRow(key, vector.values(), dynamicFields(row, schema), scalars(row, schema));
        } catch (IllegalArgumentException e) {
            throw QuiverException.badRow(index, e.getMessage());
        }
    }

    /** The vector at the scanner: the usual one by hand, one out of the ordinary by Jackson. */
    private static StreamedVector vector(RowScanner rows, CollectionSchema schema, JsonMapper mapper) {
        float[] plain = rows.plainVector(schema.dimension());
        if (plain != null) {
            return StreamedVector.of(plain);
        }
        int start = rows.value();
        try (JsonParser parser = mapper.createParser(rows.json(), start, rows.position() - start)) {
            parser.nextToken();
            return StreamedVector.read(parser, schema.dimension(), schema.vectorField());
        }
    }

    private static Object key(JsonNode row, int index, CollectionSchema schema) {
        JsonNode id = row.get(schema.primaryField());
        if (schema.autoId()) {
            if (id != null) {
                throw QuiverException.badRow(index, "primary key '" + schema.primaryField()
                        + "' is generated (autoId); remove it from the row");
            }
            return null;
        }
        if (id == null || id.isNull()) {
            throw QuiverException.badRow(index, "missing primary key field '" + schema.primaryField() + "'");
        }
        try {
            return PrimaryKeys.key(id, schema);
        } catch (PrimaryKeys.InvalidKey e) {
            throw QuiverException.badRow(index, e.getMessage());
        }
    }

    /** The typed scalar values in schema order. */
    static Object[] scalars(JsonNode row, CollectionSchema schema) {
        List<ScalarField> fields = schema.scalarFields();
        Object[] values = new Object[fields.size()];
        for (int i = 0; i < values.length; i++) {
            ScalarField field = fields.get(i);
            values[i] = ScalarValues.decode(row.get(field.name()), field);
        }
        return values;
    }

    /** The keys of a row that are no schema field, as plain values; null when there are none. */
    static Map<String, Object> dynamicFields(JsonNode row, CollectionSchema schema) {
        if (!schema.dynamicFields()) {
            return null; // Milvus ignores extra keys when dynamic fields are off.
        }
        Map<String, Object> fields = null;
        for (Entry<String, JsonNode> property : row.properties()) {
            String name = property.getKey();
            if (name.equals(schema.primaryField()) || name.equals(schema.vectorField()) || name.equals("$meta")
                    || schema.scalarFieldIndex(name) >= 0) {
                continue;
            }
            Object value = JsonValues.plain(property.getValue(), "field '" + name + "'");
            if (value != null) {
                if (fields == null) {
                    fields = new LinkedHashMap<>();
                }
                fields.put(name, value);
            }
        }
        return fields;
    }
}
