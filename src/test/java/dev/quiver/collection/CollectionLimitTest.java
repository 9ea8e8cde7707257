package dev.quiver.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.config.ApiProperties;
import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import dev.quiver.index.Metric;
import dev.quiver.store.IdType;
import java.time.Duration;
import java.util.List;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class CollectionLimitTest {

    private static Collection collection(String name) {
        return new Collection(1, new CollectionSchema("default", name, "", "id", IdType.INT64, 0, true, "vector",
                32768, Metric.L2, true), 65536);
    }

    @Test
    void beyondTheCollectionLimitThereIsNoRoomUntilADrop() {
        CollectionRegistry registry = new CollectionRegistry(new ApiProperties(List.of(), 2, DataSize.ofMegabytes(64),
                DataSize.ofMegabytes(256), 64, DataSize.ofMegabytes(1), true, Duration.ofSeconds(30)), new SimpleMeterRegistry());
        Collection first = collection("first");
        registry.add(first);
        registry.add(collection("second"));

        assertThatThrownBy(registry::requireRoom)
                .isInstanceOfSatisfying(QuiverException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER))
                .hasMessageContaining("quiver.api.max-collections");

        registry.remove(first);
        registry.requireRoom();
        assertThat(registry.all()).hasSize(1);
    }

    @Test
    void anEmptyWideCollectionAllocatesNoVectorBlock() {
        Collection wide = collection("wide");
        assertThat(wide.table().segments()).isEmpty();
        wide.table().append(1L, new float[32768], null, new Object[0], 1, 0);
        assertThat(wide.table().segments().get(0).vectorBlock().length).isBetween(32768, 2 * 32768);
    }
}
