package dev.quiver.collection;

import dev.quiver.config.StorageProperties;
import dev.quiver.error.QuiverException;
import dev.quiver.index.IndexSpec;
import dev.quiver.index.IndexType;
import dev.quiver.index.Metric;
import dev.quiver.persistence.EntityStore;
import dev.quiver.persistence.StoredCollection;
import dev.quiver.store.IdType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Create, list, describe and drop collections. Creates and drops are committed to the store
 * before they change memory, one at a time.
 */
@Service
public class CollectionService {

    private static final Logger log = LoggerFactory.getLogger(CollectionService.class);

    static final int MIN_DIMENSION = 2;
    static final int MAX_DIMENSION = 32768;
    static final int MAX_VARCHAR_LENGTH = 65535;

    private final CollectionRegistry registry;
    private final EntityStore store;
    private final StoredForm storedForm;
    private final int segmentRows;

    CollectionService(CollectionRegistry registry, EntityStore store, StoredForm storedForm,
            StorageProperties storage) {
        this.registry = registry;
        this.store = store;
        this.storedForm = storedForm;
        this.segmentRows = storage.segmentRows();
    }

    public List<String> list(String dbName) {
        return registry.names(registry.database(dbName));
    }

    public void create(NewCollection request) {
        List<String> missing = new ArrayList<>();
        if (Names.isBlank(request.collectionName())) {
            missing.add("collectionName");
        }
        if (request.dimension() == null || request.dimension() == 0) {
            missing.add("dimension");
        }
        if (!missing.isEmpty()) {
            throw QuiverException.missing(missing.toArray(String[]::new));
        }
        CollectionSchema schema = schemaOf(request);
        synchronized (this) {
            Collection existing = registry.find(schema.dbName(), schema.name());
            if (existing != null) {
                // Milvus makes create idempotent: the same parameters again change nothing.
                List<String> differences = existing.schema().differences(schema);
                if (differences.isEmpty()) {
                    return;
                }
                throw QuiverException.invalid("collection '" + schema.name() + "' already exists in database '"
                        + schema.dbName() + "' with different parameters: " + String.join("; ", differences));
            }
            registry.requireRoom();
            long id = registry.nextCollectionId();
            store.create(new StoredCollection(id, schema.dbName(), schema.name(), storedForm.schemaJson(schema),
                    System.currentTimeMillis()));
            registry.add(new Collection(id, schema, segmentRows));
            log.info("Created collection {}.{}: dimension {}, {}, {}", schema.dbName(), schema.name(),
                    schema.dimension(), schema.metric(), schema.index().type());
        }
    }

    public Map<String, Object> describe(String dbName, String collectionName) {
        if (Names.isBlank(collectionName)) {
            throw QuiverException.missing("collectionName");
        }
        Collection collection = registry.get(registry.database(dbName), collectionName);
        CollectionSchema schema = collection.schema();
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("collectionName", schema.name());
        description.put("description", schema.description());
        description.put("enableDynamicField", schema.dynamicFields());
        String pkType = schema.idType() == IdType.VARCHAR
                ? "VarChar(" + schema.maxLength() + ")" : schema.idType().wireName();
        List<Map<String, Object>> fields = new ArrayList<>();
        fields.add(field(schema.primaryField(), pkType, true, schema.autoId()));
        fields.add(field(schema.vectorField(), "FloatVector(" + schema.dimension() + ")", false, false));
        schema.scalarFields().forEach(field -> fields.add(ScalarFields.describe(field)));
        description.put("fields", fields);
        description.put("indexes", List.of(index(collection)));
        description.put("load", "LoadStateLoaded");
        description.put("shardsNum", 1);
        return description;
    }

    public void drop(String dbName, String collectionName) {
        if (Names.isBlank(collectionName)) {
            throw QuiverException.missing("collectionName");
        }
        synchronized (this) {
            Collection collection = registry.get(registry.database(dbName), collectionName);
            collection.drop(() -> store.drop(collection.id()));
            registry.remove(collection);
            log.info("Dropped collection {}.{}", collection.schema().dbName(), collection.schema().name());
        }
    }

    private CollectionSchema schemaOf(NewCollection request) {
        String dbName = registry.database(request.dbName());
        String name = Names.require("collectionName", request.collectionName());
        int dimension = request.dimension();
        if (dimension < MIN_DIMENSION || dimension > MAX_DIMENSION) {
            throw QuiverException.invalid("dimension " + dimension + " is out of range [" + MIN_DIMENSION + ", "
                    + MAX_DIMENSION + "]");
        }
        Metric metric = Names.isBlank(request.metricType()) ? Metric.L2 : Metric.fromName(request.metricType());
        if (metric == null) {
            throw QuiverException.invalid("metricType '" + request.metricType() + "' is not supported; use L2, IP or COSINE");
        }
        String primaryField = Names.require("primaryField", orDefault(request.primaryField(), "id"));
        String vectorField = Names.require("vectorField", orDefault(request.vectorField(), "vector"));
        if (primaryField.equals(vectorField)) {
            throw QuiverException.invalid("primaryField and vectorField are both named '" + primaryField + "'");
        }
        IdType idType = Names.isBlank(request.idType()) ? IdType.INT64 : IdType.fromWireName(request.idType());
        if (idType == null) {
            throw QuiverException.invalid("idType '" + request.idType() + "' is not supported; use Int64 or VarChar");
        }
        boolean autoId = request.autoId() == null ? idType == IdType.INT64 : request.autoId();
        if (autoId && idType != IdType.INT64) {
            throw QuiverException.invalid("autoId needs an Int64 primary key; set autoId to false for VarChar ids");
        }
        int maxLength = maxLength(idType, request.maxLength());
        boolean dynamic = request.enableDynamicField() == null || request.enableDynamicField();
        List<ScalarField> scalarFields = ScalarFields.validate(request.fields(), primaryField, vectorField);
        return new CollectionSchema(dbName, name, request.description() == null ? "" : request.description(),
                primaryField, idType, maxLength, autoId, vectorField, dimension, metric, dynamic, scalarFields,
                indexOf(request));
    }

    private static IndexSpec indexOf(NewCollection request) {
        IndexType type = Names.isBlank(request.indexType()) ? IndexType.AUTOINDEX
                : IndexType.fromName(request.indexType());
        if (type == null) {
            throw QuiverException.invalid("indexType '" + request.indexType()
                    + "' is not supported; use AUTOINDEX, HNSW or FLAT");
        }
        if (type == IndexType.FLAT) {
            if (request.m() != null || request.efConstruction() != null) {
                throw QuiverException.invalid("indexParams apply to HNSW and AUTOINDEX, not to FLAT");
            }
            return IndexSpec.FLAT;
        }
        int m = inRange("indexParams.M", request.m(), IndexSpec.DEFAULT_M, IndexSpec.MIN_M, IndexSpec.MAX_M);
        int efConstruction = inRange("indexParams.efConstruction", request.efConstruction(),
                IndexSpec.DEFAULT_EF_CONSTRUCTION, 1, IndexSpec.MAX_EF_CONSTRUCTION);
        return new IndexSpec(type, m, efConstruction);
    }

    private static int inRange(String name, Integer requested, int fallback, int min, int max) {
        int value = requested == null ? fallback : requested;
        if (value < min || value > max) {
            throw QuiverException.invalid(name + " " + value + " is out of range [" + min + ", " + max + "]");
        }
        return value;
    }

    private static int maxLength(IdType idType, Integer requested) {
        if (idType != IdType.VARCHAR) {
            if (requested != null) {
                throw QuiverException.invalid("maxLength applies only to VarChar primary keys");
            }
            return 0;
        }
        int maxLength = requested == null ? MAX_VARCHAR_LENGTH : requested;
        if (maxLength < 1 || maxLength > MAX_VARCHAR_LENGTH) {
            throw QuiverException.invalid("maxLength " + maxLength + " is out of range [1, " + MAX_VARCHAR_LENGTH + "]");
        }
        return maxLength;
    }

    private static String orDefault(String value, String fallback) {
        return Names.isBlank(value) ? fallback : value;
    }

    /**
     * Milvus's three keys, then Quiver's: the index type, for graphs their build parameters, and
     * how far the background builds have come ({@code pendingIndexRows} are rows searches still
     * scan exactly until their segment's graph takes them in).
     */
    private static Map<String, Object> index(Collection collection) {
        CollectionSchema schema = collection.schema();
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("fieldName", schema.vectorField());
        index.put("indexName", CollectionSchema.INDEX_NAME);
        index.put("metricType", schema.metric().name());
        IndexSpec spec = schema.index();
        index.put("indexType", spec.type().name());
        if (spec.type() != IndexType.FLAT) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("M", spec.m());
            params.put("efConstruction", spec.efConstruction());
            index.put("params", params);
            long pending = collection.indexing().pendingRows();
            index.put("state", pending == 0 ? "Finished" : "InProgress");
            index.put("pendingIndexRows", pending);
        }
        return index;
    }

    private static Map<String, Object> field(String name, String type, boolean primaryKey, boolean autoId) {
        Map<String, Object> field = new LinkedHashMap<>();
        field.put("autoId", autoId);
        field.put("description", "");
        field.put("name", name);
        field.put("partitionKey", false);
        field.put("primaryKey", primaryKey);
        field.put("type", type);
        return field;
    }
}
