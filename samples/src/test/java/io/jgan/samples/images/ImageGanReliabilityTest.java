package io.jgan.samples.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.generated.Finite;
import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.train.DivergencePolicy;
import io.jgan.runtime.train.TrainingDivergedException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The images sample's divergence policies and diversity figure, on the tiny images of {@link ImageGanTest}. */
class ImageGanReliabilityTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private ImageGan gan(Path out, int epochs) throws IOException {
        ImageGan.Settings s = new ImageGan.Settings(ImageGanTest.TINY, 3, false, epochs, 2, out, false);
        return new ImageGan(s, ImageGanTest.images(), 8, 8, new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    /** Poisons one discriminator weight once, before the first iteration of epoch 2 (3 batches per epoch). */
    private static void poisonOnceInEpoch2(ImageGan gan) {
        int[] calls = {0};
        gan.beforeIteration = b -> {
            if (++calls[0] == 4) {
                gan.discriminator().parameters()[10] = Float.NaN;
            }
        };
    }

    @Test
    void stopPolicyStopsWithTheLocationAndTheLastCheckpointStaysFinite() throws Exception {
        Path out = dir.resolve("stop");
        ImageGan gan = gan(out, 3);
        poisonOnceInEpoch2(gan);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, gan::run);
        assertTrue(e.getMessage().contains("TinyImages discriminator"), e.getMessage());
        assertEquals(4, e.iteration());
        assertEquals(1, gan.epochsDone());
        Checkpoint c = Checkpoint.read(out.resolve(ImageGan.CHECKPOINT));
        assertEquals(1, c.getInts("run.progress")[0]);
        assertTrue(Finite.all(c.getFloats("discriminator.parameters")));
    }

    @Test
    void rollbackPolicyRestoresTheLastGoodStateHalvesTheLearningRatesAndFinishes() throws Exception {
        Path out = dir.resolve("rollback");
        ImageGan gan = gan(out, 3);
        gan.onDivergence(DivergencePolicy.byName("rollback"));
        poisonOnceInEpoch2(gan);
        gan.run();
        String text = printed.toString(StandardCharsets.UTF_8);
        assertEquals(1, gan.rollbacks());
        assertEquals(3, gan.epochsDone());
        assertTrue(text.contains("rollback 1 of 5: back to the state after epoch 1"), text);
        Checkpoint c = Checkpoint.read(out.resolve(ImageGan.CHECKPOINT));
        assertEquals(ImageGan.LEARNING_RATE / 2,
                Double.longBitsToDouble(c.getLongs("discriminator.optimizer.learningRate")[0]));
        assertTrue(Finite.all(c.getFloats("discriminator.parameters")));
        assertTrue(text.contains("diversity="), text);
    }

    @Test
    void rollbackAlsoWorksBeforeTheFirstCheckpoint() throws Exception {
        ImageGan gan = gan(dir.resolve("early"), 1);
        gan.onDivergence(DivergencePolicy.rollbackHalving(1));
        int[] calls = {0};
        gan.beforeIteration = b -> {
            if (++calls[0] <= 2) { // twice: the second divergence exceeds the one rollback allowed
                gan.generator().parameters()[0] = Float.POSITIVE_INFINITY;
            }
        };
        assertThrows(TrainingDivergedException.class, gan::run);
        assertEquals(1, gan.rollbacks());
    }
}
