package dev.quiver.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where and how long Quiver keeps data.
 *
 * @param dataDir directory of the embedded H2 database (unused when a PostgreSQL URL is set)
 * @param retention how long deleted versions stay restorable and visible to time travel; the
 *     purge removes them afterwards (Milvus 2.2's {@code common.retentionDuration}, 5 days)
 * @param purgeInterval how often the purge of expired deleted versions runs
 * @param compactionInterval how often segments holding many deleted rows are rewritten, so
 *     memory follows the live rows
 * @param segmentRows rows per in-memory segment, and so per HNSW graph: a search visits every
 *     segment's graph, so fewer, larger segments search faster, while smaller ones build their
 *     graphs in parallel and compact sooner. The default, 2^18 - 1, is one graph per quarter of
 *     a million rows (a dimension-128 vector block of 128 MB)
 */
@Validated
@ConfigurationProperties("quiver")
public record StorageProperties(
        @DefaultValue("./data") String dataDir,
        @DefaultValue("5d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue("10s") Duration compactionInterval,
        @DefaultValue("262143") @Min(2) @Max(1 << 24) int segmentRows) {
}
