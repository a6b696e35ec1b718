package io.jgan.samples.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Rng;
import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.train.CheckpointException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training runs of the images sample on 300 tiny images (3 batches per epoch). */
class ImageGanTest {
    static final ImageModel TINY = new ImageModel("TinyImages", 6, TinyImages_Generator::new,
            TinyImages_Discriminator::new);
    static final ImageModel WIDE = new ImageModel("TinyImagesWide", 6, TinyImagesWide_Generator::new,
            TinyImagesWide_Discriminator::new);

    @TempDir
    Path dir;

    /** 300 8x8 images in [-1, 1]: a bright bar at a random row, on noise. */
    static float[] images() {
        Rng rng = new Rng(7);
        float[] x = new float[300 * 64];
        for (int n = 0; n < 300; n++) {
            int row = rng.nextInt(8);
            for (int p = 0; p < 64; p++) {
                x[n * 64 + p] = p / 8 == row ? 1f : -1f + 0.2f * rng.nextFloat();
            }
        }
        return x;
    }

    private static ImageGan gan(ImageModel model, Path out, int epochs, boolean resume) throws IOException {
        ImageGan.Settings s = new ImageGan.Settings(model, 3, true, epochs, 2, out, resume);
        return new ImageGan(s, images(), 8, 8, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void aShortRunWritesGridsCheckpointLogAndCharts() throws Exception {
        Path out = dir.resolve("run");
        ImageGan gan = gan(TINY, out, 2, false);
        assertEquals(3, gan.batchesPerEpoch());
        List<ImageGan.EpochSummary> epochs = gan.run();
        assertEquals(2, epochs.size());
        for (ImageGan.EpochSummary e : epochs) {
            assertTrue(Double.isFinite(e.dLoss()) && Double.isFinite(e.gLoss()), e.toString());
            assertTrue(e.dReal() > 0 && e.dReal() < 1 && e.dFake() > 0 && e.dFake() < 1, e.toString());
        }
        for (String f : List.of("samples_epoch_001.png", "samples_epoch_002.png", "checkpoint.jgan",
                "checkpoint.prev.jgan", "log.csv", "losses.png", "scores.png")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        List<String> csv = Files.readAllLines(out.resolve("log.csv"));
        assertEquals("epoch,batch,d_loss,g_loss,d_real,d_fake", csv.get(0));
        // Logged every 2 batches and at each epoch's end: batches 2 and 3 of epochs 1 and 2.
        assertEquals(List.of("1,2", "1,3", "2,2", "2,3"),
                csv.subList(1, csv.size()).stream().map(l -> l.substring(0, 3)).toList());
        Checkpoint c = Checkpoint.read(out.resolve("checkpoint.jgan"));
        assertEquals(2 * 3, c.getLongs("generator.optimizer.steps")[0]);
        assertArrayEquals(new int[] {2, 3, 300}, c.getInts("run.progress"));
    }

    @Test
    void aResumedRunMatchesAnUninterruptedOneBitForBit() throws Exception {
        Path straight = dir.resolve("straight");
        gan(TINY, straight, 3, false).run();
        Path resumed = dir.resolve("resumed");
        gan(TINY, resumed, 1, false).run();
        ImageGan second = gan(TINY, resumed, 2, true);
        assertEquals(1, second.epochsDone());
        second.run();
        gan(TINY, resumed, 3, true).run();
        for (String f : List.of("checkpoint.jgan", "checkpoint.prev.jgan", "log.csv", "samples_epoch_003.png",
                "losses.png")) {
            assertArrayEquals(Files.readAllBytes(straight.resolve(f)), Files.readAllBytes(resumed.resolve(f)), f);
        }
    }

    @Test
    void aFreshRunDoesNotOverwriteACheckpoint() throws Exception {
        Path out = dir.resolve("run");
        gan(TINY, out, 1, false).run();
        IOException e = assertThrows(IOException.class, () -> gan(TINY, out, 2, false));
        assertTrue(e.getMessage().contains("--resume"), e.getMessage());
    }

    @Test
    void aCorruptedOrTruncatedCheckpointIsRefusedAndTheFilesAreKept() throws Exception {
        Path out = dir.resolve("run");
        gan(TINY, out, 2, false).run();
        Path latest = out.resolve(ImageGan.CHECKPOINT);
        Path previous = out.resolve(ImageGan.PREVIOUS_CHECKPOINT);
        byte[] good = Files.readAllBytes(latest);
        byte[] older = Files.readAllBytes(previous);

        byte[] flipped = good.clone();
        flipped[good.length / 3] ^= 0x10;
        Files.write(latest, flipped);
        CheckpointException e = assertThrows(CheckpointException.class, () -> gan(TINY, out, 3, true));
        assertTrue(e.getMessage().contains(latest.toString()) && e.getMessage().contains("corrupted")
                && e.getMessage().contains(previous.toString()), e.getMessage());
        assertArrayEquals(flipped, Files.readAllBytes(latest));
        assertArrayEquals(older, Files.readAllBytes(previous));

        byte[] truncated = Arrays.copyOf(good, good.length - 1000);
        Files.write(latest, truncated);
        e = assertThrows(CheckpointException.class, () -> gan(TINY, out, 3, true));
        assertTrue(e.getMessage().contains(latest.toString()) && e.getMessage().contains("truncated"), e.getMessage());
        assertArrayEquals(truncated, Files.readAllBytes(latest));
        assertArrayEquals(older, Files.readAllBytes(previous));

        // The kept previous checkpoint resumes (from epoch 1).
        Files.copy(previous, latest, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(1, gan(TINY, out, 2, true).epochsDone());
    }

    @Test
    void aCheckpointOfOtherNetworksIsRefused() throws Exception {
        Path out = dir.resolve("run");
        gan(WIDE, out, 1, false).run();
        byte[] before = Files.readAllBytes(out.resolve(ImageGan.CHECKPOINT));
        CheckpointException e = assertThrows(CheckpointException.class, () -> gan(TINY, out, 2, true));
        assertTrue(e.getMessage().contains(out.resolve(ImageGan.CHECKPOINT).toString())
                && e.getMessage().contains("wrong architecture") && e.getMessage().contains("Dense(units = 24)"),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(out.resolve(ImageGan.CHECKPOINT)));
    }

    @Test
    void aCheckpointOfAnotherSeedIsRefused() throws Exception {
        Path out = dir.resolve("run");
        gan(TINY, out, 1, false).run();
        ImageGan.Settings other = new ImageGan.Settings(TINY, 4, true, 2, 2, out, true);
        CheckpointException e = assertThrows(CheckpointException.class, () -> new ImageGan(other, images(), 8, 8,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("seed 3") && e.getMessage().contains("seed 4"), e.getMessage());
    }

    /** Both kernel paths are valid, but they round differently: resuming on the other one says so. */
    @Test
    void resumingOnOtherKernelsSaysItWillNotMatchBitForBit() throws Exception {
        Path out = dir.resolve("run");
        gan(TINY, out, 1, false).run();
        Path file = out.resolve("checkpoint.jgan");
        io.jgan.runtime.train.Checkpoint c = io.jgan.runtime.train.Checkpoint.read(file);
        c.put("run.kernels", "other");
        c.write(file);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        new ImageGan(new ImageGan.Settings(TINY, 3, true, 2, 2, out, true), images(), 8, 8,
                new PrintStream(text, true, StandardCharsets.UTF_8)).run();
        String printed = text.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("trained on the other dense kernels") && printed.contains("bit for bit"), printed);
    }
}
