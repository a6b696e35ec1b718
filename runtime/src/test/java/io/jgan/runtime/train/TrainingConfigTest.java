package io.jgan.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.train.TrainingConfig.LossCombination;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void defaults() {
        TrainingConfig c = TrainingConfig.defaults(16);
        assertEquals(new TrainingConfig(16, 1, 1, false, false, LossCombination.SUM, 1f, 0f, 1f), c);
    }

    @Test
    void withersChangeOnlyTheirField() {
        TrainingConfig c = TrainingConfig.defaults(16).withGeneratorFirst(true).withSharedFakes(true)
                .withDiscriminatorLoss(LossCombination.MEAN).withLabels(0.98f, 0.02f, 1f).withBatchSize(100);
        assertEquals(new TrainingConfig(100, 1, 1, true, true, LossCombination.MEAN, 0.98f, 0.02f, 1f), c);
        assertEquals(new TrainingConfig(16, 20, 20, false, false, LossCombination.SUM, 1f, 0f, 1f),
                TrainingConfig.defaults(16).withSteps(20, 20));
    }

    @Test
    void sharedFakesNeedGeneratorFirstAndOneStepOfEach() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.defaults(16).withSharedFakes(true));
        assertTrue(e.getMessage().contains("generatorFirst"), e.getMessage());
        TrainingConfig first = TrainingConfig.defaults(16).withGeneratorFirst(true);
        assertThrows(IllegalArgumentException.class, () -> first.withSteps(2, 1).withSharedFakes(true));
        assertThrows(IllegalArgumentException.class, () -> first.withSharedFakes(true).withSteps(1, 2));
        assertThrows(IllegalArgumentException.class, () -> first.withSharedFakes(true).withGeneratorFirst(false));
        assertTrue(first.withSharedFakes(true).sharedFakes());
    }

    @Test
    void labelsMustBeInZeroToOne() {
        TrainingConfig c = TrainingConfig.defaults(16);
        for (float bad : new float[] {-0.01f, 1.01f, Float.NaN, Float.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> c.withLabels(bad, 0f, 1f), "real " + bad);
            assertThrows(IllegalArgumentException.class, () -> c.withLabels(1f, bad, 1f), "fake " + bad);
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> c.withLabels(1f, 0f, bad), "generator " + bad);
            assertTrue(e.getMessage().contains("[0, 1]"), e.getMessage());
        }
        c.withLabels(0f, 1f, 0f); // the ends are allowed
        c.withLabels(0.9f, 0.1f, 0.5f);
    }

    @Test
    void batchAndStepCountsAreValidated() {
        TrainingConfig c = TrainingConfig.defaults(16);
        assertThrows(IllegalArgumentException.class, () -> c.withBatchSize(0));
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults(-1));
        assertThrows(IllegalArgumentException.class, () -> c.withSteps(0, 0));
        assertThrows(IllegalArgumentException.class, () -> c.withSteps(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> c.withSteps(2, -1));
        assertEquals(0, c.withSteps(0, 1).discriminatorSteps());
        assertEquals(0, c.withSteps(1, 0).generatorSteps());
    }
}
