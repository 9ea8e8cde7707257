package dev.quiver.collection;

import dev.quiver.index.IndexSpec;
import dev.quiver.index.IndexType;
import dev.quiver.index.Metric;
import dev.quiver.store.Column;
import dev.quiver.store.IdType;
import dev.quiver.store.ScalarType;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed shape of a collection: a primary key, one float vector, typed scalar fields in declared
 * order, and optional dynamic fields.
 */
public record CollectionSchema(
        String dbName,
        String name,
        String description,
        String primaryField,
        IdType idType,
        int maxLength,
        boolean autoId,
        String vectorField,
        int dimension,
        Metric metric,
        boolean dynamicFields,
        List<ScalarField> scalarFields,
        IndexSpec index) {

    /** Milvus's index name for the vector field of collections made by v1 create. */
    public static final String INDEX_NAME = "vector_idx";

    public CollectionSchema {
        scalarFields = List.copyOf(scalarFields);
        // Schemas stored before collections had a choice of index get the default one.
        index = index == null ? IndexSpec.DEFAULT : index;
    }

    /** A schema with the default index. */
    public CollectionSchema(String dbName, String name, String description, String primaryField, IdType idType,
            int maxLength, boolean autoId, String vectorField, int dimension, Metric metric, boolean dynamicFields,
            List<ScalarField> scalarFields) {
        this(dbName, name, description, primaryField, idType, maxLength, autoId, vectorField, dimension, metric,
                dynamicFields, scalarFields, IndexSpec.DEFAULT);
    }

    /** A schema without typed scalar fields. */
    public CollectionSchema(String dbName, String name, String description, String primaryField, IdType idType,
            int maxLength, boolean autoId, String vectorField, int dimension, Metric metric, boolean dynamicFields) {
        this(dbName, name, description, primaryField, idType, maxLength, autoId, vectorField, dimension, metric,
                dynamicFields, List.of(), IndexSpec.DEFAULT);
    }

    /**
     * What a create request's schema changes against this one, one phrase per parameter
     * ({@code "dimension: 128 here, 64 requested"}); empty when the two are the same.
     */
    public List<String> differences(CollectionSchema requested) {
        List<String> differences = new ArrayList<>();
        differ(differences, "description", description, requested.description);
        differ(differences, "primaryField", primaryField, requested.primaryField);
        differ(differences, "idType", idType.wireName(), requested.idType.wireName());
        differ(differences, "maxLength", maxLength, requested.maxLength);
        differ(differences, "autoId", autoId, requested.autoId);
        differ(differences, "vectorField", vectorField, requested.vectorField);
        differ(differences, "dimension", dimension, requested.dimension);
        differ(differences, "metricType", metric, requested.metric);
        differ(differences, "enableDynamicField", dynamicFields, requested.dynamicFields);
        differ(differences, "indexType", index.type(), requested.index.type());
        if (index.type() != IndexType.FLAT && requested.index.type() != IndexType.FLAT) {
            // FLAT has no graph parameters to compare.
            differ(differences, "indexParams.M", index.m(), requested.index.m());
            differ(differences, "indexParams.efConstruction", index.efConstruction(),
                    requested.index.efConstruction());
        }
        if (!names(scalarFields).equals(names(requested.scalarFields))) {
            differences.add("fields: " + names(scalarFields) + " here, " + names(requested.scalarFields) + " requested");
        } else {
            for (int i = 0; i < scalarFields.size(); i++) {
                ScalarField here = scalarFields.get(i);
                ScalarField there = requested.scalarFields.get(i);
                String field = "field '" + here.name() + "' ";
                differ(differences, field + "maxLength", here.maxLength(), there.maxLength());
                differ(differences, field + "elementType", String.valueOf(here.elementType()),
                        String.valueOf(there.elementType()));
                differ(differences, field + "maxCapacity", here.maxCapacity(), there.maxCapacity());
                differ(differences, field + "nullable", here.nullable(), there.nullable());
                differ(differences, field + "description", here.description(), there.description());
            }
        }
        return differences;
    }

    private static void differ(List<String> differences, String name, Object existing, Object requested) {
        if (!existing.equals(requested)) {
            differences.add(name + ": " + existing + " here, " + requested + " requested");
        }
    }

    /** Each field's name and type, as describe names the type. */
    private static List<String> names(List<ScalarField> fields) {
        return fields.stream().map(field -> field.name() + " " + field.type().wireName()).toList();
    }

    /** Fresh, empty columns for the typed scalar fields, in schema order (one set per segment). */
    public List<Column> newColumns() {
        return scalarFields.stream().map(field -> Column.of(field.type(), field.nullable())).toList();
    }

    /** The position of a typed scalar field (its segment column), or -1 when there is none of that name. */
    public int scalarFieldIndex(String fieldName) {
        for (int i = 0; i < scalarFields.size(); i++) {
            if (scalarFields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The fields whose values are Int64: the primary key when it is Int64, then the typed Int64
     * fields. {@code Accept-Type-Allow-Int64: false} renders their values as strings.
     */
    public List<String> int64Fields() {
        List<String> names = new ArrayList<>();
        if (idType == IdType.INT64) {
            names.add(primaryField);
        }
        for (ScalarField field : scalarFields) {
            if (field.type() == ScalarType.INT64) {
                names.add(field.name());
            }
        }
        return names;
    }
}
