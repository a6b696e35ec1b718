package io.jgan.samples.gaussian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.samples.Jgan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jgan gaussian train} end to end, on short schedules. */
class GaussianCommandTest {
    @TempDir
    Path out;

    private String run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertEquals(0, Jgan.commandLine().execute(args));
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String lastLine(String text) {
        String[] lines = text.strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    @Test
    void trainPrintsProgressWritesAHistogramAndEndsWithTheFit() throws Exception {
        String text = run("gaussian", "train", "--epochs", "200", "--seed", "3", "--out", out.toString());
        assertTrue(text.contains("epoch   100: D real "), text);
        assertTrue(text.contains("epoch   200: D real "), text);
        assertTrue(lastLine(text).matches(
                "mean=-?\\d+\\.\\d\\d std=\\d+\\.\\d\\d skew=-?\\d+\\.\\d\\d kurtosis=-?\\d+\\.\\d\\d ks=\\d\\.\\d{3}"),
                lastLine(text));
        Path png = out.resolve("gaussian-" + GaussianSpec.DEFAULT.option() + "-seed3.png");
        byte[] bytes = Files.readAllBytes(png);
        assertEquals((byte) 0x89, bytes[0]);
        assertEquals("PNG", new String(bytes, 1, 3, StandardCharsets.US_ASCII));
    }

    @Test
    void runsTabulatesSeedsAndCountsTheGoodFits() {
        String text = run("gaussian", "train", "--runs", "2", "--epochs", "20", "--spec", "seed", "--out", out.toString());
        assertTrue(text.contains("seeds 1..2"), text);
        assertTrue(lastLine(text).matches("good_fits=[0-2]/2"), lastLine(text));
    }
}
