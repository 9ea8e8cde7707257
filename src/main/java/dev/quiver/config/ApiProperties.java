package dev.quiver.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Limits and defaults of the HTTP API.
 *
 * @param databases databases besides {@code default}; requests naming any other get code 800
 * @param maxCollections most collections the service holds across databases; create answers
 *     1100 beyond it (each collection costs memory even when empty)
 * @param maxRequestSize largest request body accepted; larger ones are refused before parsing
 * @param maxInFlightBodySize total size of request bodies being parsed and served at once;
 *     parsed JSON takes several times its text size, so this bounds the heap large writes can
 *     claim together. A request that cannot get its share within a few seconds gets code 1807.
 *     Unset, an eighth of the maximum heap (so 64 MB under -Xmx512m)
 * @param maxJsonNesting deepest JSON nesting accepted in a request body
 * @param maxJsonStringLength longest JSON string accepted in a request body
 * @param int64AsNumber how Int64 values are rendered when the request has no
 *     {@code Accept-Type-Allow-Int64} header: numbers (true, Milvus 2.4) or strings
 * @param requestTimeout longest a request's work may run (a client's {@code Request-Timeout}
 *     header, in seconds, can shorten it); past it the request stops with code 10001
 */
@Validated
@ConfigurationProperties("quiver.api")
public record ApiProperties(
        @DefaultValue List<@Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]{0,254}") String> databases,
        @DefaultValue("1000") @Min(1) int maxCollections,
        @DefaultValue("64MB") DataSize maxRequestSize,
        DataSize maxInFlightBodySize,
        @DefaultValue("64") @Min(2) @Max(1000) int maxJsonNesting,
        @DefaultValue("1MB") DataSize maxJsonStringLength,
        @DefaultValue("true") boolean int64AsNumber,
        @DefaultValue("30s") Duration requestTimeout) {

    /** {@link #maxInFlightBodySize}, or an eighth of the maximum heap when it is not set. */
    public long inFlightBodyBytes() {
        return maxInFlightBodySize != null ? maxInFlightBodySize.toBytes() : Runtime.getRuntime().maxMemory() / 8;
    }
}
