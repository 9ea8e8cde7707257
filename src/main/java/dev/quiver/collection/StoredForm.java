package dev.quiver.collection;

import dev.quiver.persistence.EntityVersion;
import dev.quiver.persistence.VectorBytes;
import dev.quiver.store.IdType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How schemas and rows look in the relational store: a schema as the JSON of its record, a row
 * as its key in text, its vector in bytes and its typed and dynamic fields in one JSON object.
 * Stored rows were validated when they were written, so reading them back checks them again
 * only as a guard. Thread-safe.
 */
@Component
class StoredForm {

    /**
     * The API's limits guard the way in; stored JSON is ours, so reading it back must not trip
     * over a limit raised since it was written.
     */
    private final JsonMapper mapper = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(10_000)
                    .maxStringLength(Integer.MAX_VALUE)
                    .build())
            .build()).build();

    String schemaJson(CollectionSchema schema) {
        return mapper.writeValueAsString(schema);
    }

    CollectionSchema schema(String json) {
        return mapper.readValue(json, CollectionSchema.class);
    }

    /** The stored form of one new version of a row. */
    EntityVersion version(long version, Object key, DecodedRow row, long insertedAt, CollectionSchema schema) {
        return new EntityVersion(version, key.toString(), VectorBytes.encode(row.vector()), fields(row, schema),
                insertedAt);
    }

    /** A stored version back as a row, its key filled in. */
    DecodedRow row(EntityVersion stored, CollectionSchema schema) {
        Object key = schema.idType() == IdType.INT64 ? (Object) Long.parseLong(stored.primaryKey()) : stored.primaryKey();
        float[] vector = VectorBytes.decode(stored.vector());
        if (stored.fields() == null) {
            return new DecodedRow(key, vector, null, new Object[schema.scalarFields().size()]);
        }
        JsonNode fields = mapper.readTree(stored.fields());
        return new DecodedRow(key, vector, RowDecoder.dynamicFields(fields, schema), RowDecoder.scalars(fields, schema));
    }

    private String fields(DecodedRow row, CollectionSchema schema) {
        Map<String, Object> fields = new LinkedHashMap<>();
        List<ScalarField> scalarFields = schema.scalarFields();
        for (int i = 0; i < scalarFields.size(); i++) {
            if (row.scalars()[i] != null) {
                fields.put(scalarFields.get(i).name(), row.scalars()[i]);
            }
        }
        if (row.dynamicFields() != null) {
            fields.putAll(row.dynamicFields());
        }
        return fields.isEmpty() ? null : mapper.writeValueAsString(fields);
    }
}
