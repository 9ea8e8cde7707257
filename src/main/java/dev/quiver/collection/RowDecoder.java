package dev.quiver.collection;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import tools.jackson.databind.JsonNode;

/**
 * Validates the {@code data} of an insert or upsert against a schema before anything is stored,
 * so a rejected request changes nothing. Every error is code 1804 and names the row and field.
 */
final class RowDecoder {

    private RowDecoder() {
    }

    static List<DecodedRow> decode(JsonNode data, CollectionSchema schema) {
        if (data == null || data.isNull() || data.isMissingNode()) {
            throw QuiverException.missing("collectionName", "data");
        }
        List<JsonNode> rows = data.isArray() ? new ArrayList<>(data.values()) : List.of(data);
        if (rows.isEmpty()) {
            throw new QuiverException(ErrorCode.BAD_INSERT_DATA, "data holds no rows");
        }
        List<DecodedRow> decoded = new ArrayList<>(rows.size());
        Map<Object, Integer> rowByKey = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            DecodedRow row = decodeRow(rows.get(i), i, schema);
            if (row.key() != null) {
                Integer earlier = rowByKey.putIfAbsent(row.key(), i);
                if (earlier != null) {
                    throw QuiverException.badRow(i, "primary key " + row.key() + " repeats the key of row " + earlier);
                }
            }
            decoded.add(row);
        }
        return decoded;
    }

    private static DecodedRow decodeRow(JsonNode row, int index, CollectionSchema schema) {
        if (!row.isObject()) {
            throw QuiverException.badRow(index, "a row must be a JSON object, got " + row.getNodeType());
        }
        try {
            Object key = key(row, index, schema);
            JsonNode vectorNode = row.get(schema.vectorField());
            if (vectorNode == null || vectorNode.isNull()) {
                throw QuiverException.badRow(index, "missing field '" + schema.vectorField() + "'");
            }
            float[] vector = JsonValues.vector(vectorNode, schema.dimension(), schema.vectorField());
            return new DecodedRow(key, vector, dynamicFields(row, schema), scalars(row, schema));
        } catch (IllegalArgumentException e) {
            throw QuiverException.badRow(index, e.getMessage());
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
