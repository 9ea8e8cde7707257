package dev.quiver.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quiver.config.ApiProperties;
import dev.quiver.error.ErrorCode;
import dev.quiver.error.QuiverException;
import dev.quiver.index.Metric;
import dev.quiver.store.IdType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class CollectionLimitTest {

    private static Collection collection(String name) {
        return new Collection(new CollectionSchema("default", name, "", "id", IdType.INT64, 0, true, "vector", 32768,
                Metric.L2, true));
    }

    @Test
    void createBeyondTheCollectionLimitIsInvalidAndADropMakesRoom() {
        CollectionRegistry registry = new CollectionRegistry(new ApiProperties(List.of(), 2, DataSize.ofMegabytes(64),
                DataSize.ofMegabytes(256), 64, DataSize.ofMegabytes(1), true));
        Collection first = collection("first");
        assertThat(registry.add(first)).isTrue();
        assertThat(registry.add(collection("second"))).isTrue();

        assertThatThrownBy(() -> registry.add(collection("third")))
                .isInstanceOfSatisfying(QuiverException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER))
                .hasMessageContaining("quiver.api.max-collections");
        assertThat(registry.add(collection("second"))).as("a duplicate name is still just a duplicate").isFalse();

        registry.remove(first);
        assertThat(registry.add(collection("third"))).isTrue();
    }

    @Test
    void anEmptyWideCollectionAllocatesNoVectorBlock() {
        Collection wide = collection("wide");
        assertThat(wide.segment().vectorBlock()).isEmpty();
        wide.segment().append(1L, new float[32768], null, 0);
        assertThat(wide.segment().vectorBlock().length).isBetween(32768, 2 * 32768);
    }
}
