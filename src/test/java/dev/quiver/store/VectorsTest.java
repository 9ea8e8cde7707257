package dev.quiver.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class VectorsTest {

    @Test
    void normIsTheEuclideanLength() {
        assertThat(Vectors.norm(new float[] {3, 4})).isEqualTo(5f);
        assertThat(Vectors.norm(new float[] {0, 0, 0})).isZero();
        assertThat(Vectors.norm(new float[] {-2, 0})).isEqualTo(2f);
    }

    @Test
    void normOfALongVectorKeepsDoublePrecision() {
        // 32768 components of 0.1f: a float accumulator drifts visibly, a double one does not
        float[] vector = new float[32_768];
        Arrays.fill(vector, 0.1f);

        double exact = Math.sqrt(32_768 * (double) 0.1f * 0.1f);
        assertThat(Vectors.norm(vector)).isCloseTo(exact, org.assertj.core.data.Offset.offset(exact * 1e-12));
    }

    @Test
    void normOfHugeComponentsDoesNotOverflowToInfinity() {
        assertThat(Vectors.norm(new float[] {3e20f, 4e20f})).isEqualTo(5e20f);
    }
}
