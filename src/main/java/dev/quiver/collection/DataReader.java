package dev.quiver.collection;

import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import dev.quiver.index.FrozenGraph;
import dev.quiver.index.Hit;
import dev.quiver.index.IndexSpec;
import dev.quiver.index.IndexedSearch;
import dev.quiver.index.Metric;
import dev.quiver.index.ScoreRange;
import dev.quiver.index.TopK;
import dev.quiver.store.IdType;
import dev.quiver.store.Segment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Get, query and search, of the present rows or, with {@code travelTimestamp}, of the collection
 * as it was then. Reads run under the collection's read lock and never see deleted rows.
 */
@Service
public class DataReader {

    /** Every search hit carries the primary key under this name, whatever the field is called. */
    static final String HIT_ID = "id";
    static final String HIT_DISTANCE = "distance";
    /** The one output field of a counting query: {@code [{"count(*)": N}]}. */
    static final String COUNT = "count(*)";

    private final CollectionRegistry registry;
    private final History history;

    DataReader(CollectionRegistry registry, History history) {
        this.registry = registry;
        this.history = history;
    }

    /**
     * @param travelTimestamp when not null, answer as the collection was then (epoch milliseconds
     *     or ISO-8601; see {@link History})
     */
    public Rows get(String dbName, String collectionName, JsonNode id, List<String> outputFields,
            JsonNode travelTimestamp) {
        Names.requireParameters(collectionName, "id", id == null || id.isNull());
        Collection collection = registry.get(registry.database(dbName), collectionName);
        CollectionSchema schema = collection.schema();
        List<Object> keys = DataWriter.keys(id, schema);
        Projection projection = Projection.of(outputFields, schema, true);
        List<Map<String, Object>> rows = history.read(collection, travelTimestamp, keys, snapshot -> {
            List<Map<String, Object>> found = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            for (Object key : keys) {
                int ordinal = snapshot.ordinalOf(key);
                // A key asked for twice ([1, 1, "1"]) is one entity, as Milvus's pk in [...] makes it.
                if (ordinal != -1 && seen.add(ordinal)) {
                    found.add(projection.render(snapshot, ordinal));
                }
            }
            return found;
        });
        return new Rows(rows, int64Keys(schema, false));
    }

    /** @param travelTimestamp as for {@link #get} */
    public Rows query(String dbName, String collectionName, String filter, List<String> outputFields,
            Integer limit, Integer offset, JsonNode travelTimestamp) {
        boolean count = isCount(outputFields);
        Names.requireParameters(collectionName, "filter", !count && (filter == null || filter.isEmpty()));
        Collection collection = registry.get(registry.database(dbName), collectionName);
        CollectionSchema schema = collection.schema();
        SegmentFilter predicate = filter == null || filter.isEmpty() ? null : collection.compile(filter);
        if (count) {
            if (limit != null || offset != null) {
                throw QuiverException.invalid("count(*) takes no limit or offset");
            }
            long matches = history.read(collection, travelTimestamp, candidates(predicate), snapshot -> {
                long[] counter = {0};
                Matches.forEach(snapshot, predicate, ordinal -> ++counter[0] > 0);
                return counter[0];
            });
            return new Rows(List.of(Map.of(COUNT, matches)), Set.of());
        }
        Window window = Window.forQuery(limit, offset);
        Projection projection = Projection.of(outputFields, schema, true);
        List<Map<String, Object>> rows = history.read(collection, travelTimestamp, candidates(predicate), snapshot -> {
            List<Map<String, Object>> found = new ArrayList<>();
            int[] matched = {0};
            Matches.forEach(snapshot, predicate, ordinal -> {
                if (matched[0]++ >= window.offset()) {
                    found.add(projection.render(snapshot, ordinal));
                }
                return matched[0] < window.end();
            });
            return found;
        });
        return new Rows(rows, int64Keys(schema, false));
    }

    public Rows search(SearchRequest request) {
        Names.requireParameters(request.collectionName(), "vector", request.vector() == null);
        Collection collection = registry.get(registry.database(request.dbName()), request.collectionName());
        CollectionSchema schema = collection.schema();
        Window window = Window.forSearch(request.limit(), request.offset());
        ScoreRange range = range(request.radius(), request.rangeFilter(), schema.metric());
        float[] query = request.vector().read(schema.dimension());
        int ef = IndexSpec.ef(ef(request.ef()), window.end());
        Projection projection = Projection.of(request.outputFields(), schema, false);
        String filter = request.filter();
        SegmentFilter matches = filter == null || filter.isEmpty() ? null : collection.compile(filter);
        List<Map<String, Object>> rows = history.read(collection, request.travelTimestamp(), candidates(matches), snapshot -> {
            IntFunction<IntPredicate> acceptors = Matches.acceptors(snapshot, matches);
            TopK top = new TopK(window.end(), schema.metric(), snapshot.keyOrder());
            boolean filtered = matches != null || !snapshot.current();
            List<IndexedSearch.Part> parts = new ArrayList<>(snapshot.segmentCount());
            for (int index = 0; index < snapshot.segmentCount(); index++) {
                Segment segment = snapshot.segment(index);
                FrozenGraph graph = snapshot.fromPresent(index) ? collection.indexing().graph(segment) : null;
                parts.add(new IndexedSearch.Part(segment, acceptors.apply(index), snapshot.base(index), graph, filtered));
            }
            IndexedSearch.search(parts, query, schema.metric(), range, ef, top);
            List<Hit> hits = top.toList();
            List<Map<String, Object>> found = new ArrayList<>();
            for (int i = window.offset(); i < hits.size(); i++) {
                Hit hit = hits.get(i);
                Map<String, Object> row = projection.render(snapshot, hit.ordinal());
                row.put(HIT_ID, snapshot.key(hit.ordinal()));
                row.put(HIT_DISTANCE, hit.score());
                found.add(row);
            }
            return found;
        });
        return new Rows(rows, int64Keys(schema, true));
    }

    /** The only keys a filter can match, or null when it may match any. */
    private static List<Object> candidates(SegmentFilter filter) {
        return filter == null ? null : filter.candidateKeys();
    }

    private static boolean isCount(List<String> outputFields) {
        if (outputFields == null || outputFields.stream().noneMatch(COUNT::equalsIgnoreCase)) {
            return false;
        }
        if (outputFields.size() > 1) {
            throw QuiverException.invalid("count(*) cannot be combined with other output fields");
        }
        return true;
    }

    private static Integer ef(Integer ef) {
        if (ef != null && (ef < 1 || ef > IndexSpec.MAX_EF)) {
            throw QuiverException.invalid("params.ef " + ef + " is out of range [1, " + IndexSpec.MAX_EF + "]");
        }
        return ef;
    }

    private static ScoreRange range(Double radius, Double rangeFilter, Metric metric) {
        if (radius == null && rangeFilter == null) {
            return ScoreRange.ALL;
        }
        if (radius == null) {
            throw new QuiverException(ErrorCode.MALFORMED_JSON,
                    "error: invalid search params, params.range_filter needs params.radius");
        }
        if (rangeFilter != null && (metric.higherIsBetter() ? radius >= rangeFilter : radius <= rangeFilter)) {
            throw QuiverException.invalid("params: for metric " + metric + " radius must be "
                    + (metric.higherIsBetter() ? "less" : "greater") + " than range_filter, got radius " + radius
                    + " and range_filter " + rangeFilter);
        }
        return new ScoreRange(radius.floatValue(), rangeFilter == null ? null : rangeFilter.floatValue());
    }

    private static Set<String> int64Keys(CollectionSchema schema, boolean search) {
        Set<String> keys = new HashSet<>(schema.int64Fields());
        if (search && schema.idType() == IdType.INT64) {
            keys.add(HIT_ID);
        }
        return keys;
    }
}
