package io.jgan.samples.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jgan.runtime.train.Checkpoint;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint written by the sample's own loop, before it ran on a TrainingRun (epoch 1 of
 * ImageGanTest's tiny run: seed 3, smoothed labels, a log row every 2 batches), still resumes, and
 * the run ends bit for bit as one that never stopped. It was written on the Vector API kernels, which
 * the tests run (surefire adds the module).
 */
class OlderCheckpointTest {
    @TempDir
    Path dir;

    private static ImageGan gan(Path out, int epochs, boolean resume) throws Exception {
        ImageGan.Settings s = new ImageGan.Settings(ImageGanTest.TINY, 3, true, epochs, 2, out, resume);
        return new ImageGan(s, ImageGanTest.images(), 8, 8,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void resumesAndMatchesAnUninterruptedRun() throws Exception {
        Path resumed = Files.createDirectories(dir.resolve("resumed"));
        Path older = resumed.resolve(ImageGan.CHECKPOINT);
        try (InputStream in = getClass().getResourceAsStream("checkpoint-of-the-older-loop.jgan")) {
            Files.copy(in, older);
        }
        assertFalse(Checkpoint.read(older).has("run.settings"), "the resource is of the older format");
        ImageGan gan = gan(resumed, 3, true);
        assertEquals(1, gan.epochsDone());
        assertEquals(2, gan.run().size());

        Path straight = dir.resolve("straight");
        gan(straight, 3, false).run();
        for (String f : List.of("checkpoint.jgan", "checkpoint.prev.jgan", "log.csv", "samples_epoch_003.png",
                "losses.png", "scores.png")) {
            assertArrayEquals(Files.readAllBytes(straight.resolve(f)), Files.readAllBytes(resumed.resolve(f)), f);
        }
    }
}
