package io.jgan.samples.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Rng;
import io.jgan.runtime.io.Checksums;
import io.jgan.samples.Jgan;
import io.jgan.samples.even.EvenData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jgan sweep} on the even-numbers spec, from a CSV file. */
class SweepCommandTest {
    private static final String SPEC = "io.jgan.samples.even.EvenNumbers";
    @TempDir
    Path dir;
    private Path csv;
    private String err;

    @BeforeEach
    void evenNumbersAsBits() throws Exception {
        StringBuilder s = new StringBuilder("b6,b5,b4,b3,b2,b1,b0\n");
        Rng rng = new Rng(1);
        float[] bits = new float[EvenData.BITS];
        for (int r = 0; r < 256; r++) {
            EvenData.encode(2 * rng.nextInt(64), bits, 0);
            for (int b = 0; b < bits.length; b++) {
                s.append(b == 0 ? "" : ",").append((int) bits[b]);
            }
            s.append('\n');
        }
        csv = dir.resolve("even.csv");
        Files.writeString(csv, s);
    }

    private int run(StringBuilder out, String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter errors = new StringWriter();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            var cli = Jgan.commandLine();
            cli.setErr(new PrintWriter(errors, true));
            return cli.execute(args);
        } finally {
            System.setOut(saved);
            out.append(bytes.toString(StandardCharsets.UTF_8));
            err = errors.toString();
        }
    }

    @Test
    void sweepsSeedsAndLearningRatesAndPrintsTheRunsBestFirst() throws Exception {
        StringBuilder out = new StringBuilder();
        Path sweep = dir.resolve("sweep");
        assertEquals(0, run(out, "sweep", "--spec", SPEC, "--data", csv.toString(), "--seeds", "1..2", "--lr",
                "1e-3,1e-4", "--batch", "16", "--steps", "300", "--threads", "2", "--score", EvenFraction.class.getName(), "--out", sweep.toString()), err);
        String text = out.toString();
        assertTrue(text.contains("Sweep: 2 settings x 2 seeds = 4 runs"), text);
        assertTrue(text.contains("score: even_fraction (higher is better)"), text);
        List<String> rows = Files.readAllLines(sweep.resolve("results.csv"));
        assertEquals(5, rows.size());
        assertTrue(rows.get(0).startsWith("trial,seed,lr_g,lr_d,beta1,beta2,loss,"), rows.get(0));
        assertTrue(rows.get(3).startsWith("2,1,1.0E-4,1.0E-4,"), rows.get(3)); // trial 2: second lr, first seed
        for (int t = 0; t < 4; t++) {
            String[] cells = rows.get(1 + t).split(",");
            assertEquals(cells[16], Checksums.sha256Hex(sweep.resolve("trial-" + t + "/checkpoint.jgan")));
        }
        // The table's first row is the highest even fraction; the runs differ.
        double best = -1;
        java.util.Set<String> scores = new java.util.HashSet<>();
        for (String row : rows.subList(1, 5)) {
            best = Math.max(best, Double.parseDouble(row.split(",")[12]));
            scores.add(row.split(",")[12]);
        }
        assertTrue(scores.size() > 1, rows.toString());
        String first = text.lines().dropWhile(l -> !l.startsWith("rank")).skip(1).findFirst().orElseThrow();
        assertTrue(first.contains(String.format(java.util.Locale.ROOT, "%.4f", best)), first + " / " + best);

        // --epochs: 256 samples in batches of 16 are 16 iterations an epoch.
        Path epochs = dir.resolve("epochs");
        assertEquals(0, run(new StringBuilder(), "sweep", "--spec", SPEC, "--data", csv.toString(), "--batch", "16",
                "--epochs", "2,3", "--out", epochs.toString()), err);
        List<String> epochRows = Files.readAllLines(epochs.resolve("results.csv"));
        assertEquals("32", epochRows.get(1).split(",")[10]);
        assertEquals("48", epochRows.get(2).split(",")[10]);

        // The same sweep again is refused: it would mix two sweeps' files.
        assertEquals(1, run(new StringBuilder(), "sweep", "--spec", SPEC, "--data", csv.toString(), "--out",
                sweep.toString()));
        assertTrue(err.startsWith("jgan: --out ") && err.contains("already holds a sweep"), err);
    }

    @Test
    void userErrorsAreOneLine() throws Exception {
        Path narrow = dir.resolve("narrow.csv");
        Files.writeString(narrow, "1,2\n3,4\n");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,y\n1,2\n3,oops\n");
        Object[][] cases = {
            {1, "spec class com.example.Missing is not on the class path", new String[] {"--spec", "com.example.Missing",
                "--data", csv.toString()}},
            {1, "has 2 columns but EvenNumbers discriminator reads 7", new String[] {"--spec", SPEC, "--data",
                narrow.toString()}},
            {1, "line 3, column 2 is 'oops', not a number", new String[] {"--spec", SPEC, "--data", bad.toString()}},
            {2, "--seeds 5..1", new String[] {"--spec", SPEC, "--data", csv.toString(), "--seeds", "5..1"}},
            {2, "--loss nonsense is not known; choose from bce, bce-logits", new String[] {"--spec", SPEC, "--data",
                csv.toString(), "--loss", "nonsense"}},
            {2, "--loss hinge", new String[] {"--spec", SPEC, "--data", csv.toString(), "--loss", "hinge"}},
            {2, "give either --steps or --epochs", new String[] {"--spec", SPEC, "--data", csv.toString(), "--steps",
                "10", "--epochs", "1"}},
            {2, "learning rates must be positive", new String[] {"--spec", SPEC, "--data", csv.toString(), "--lr", "-1"}},
        };
        for (Object[] c : cases) {
            String[] options = (String[]) c[2];
            String[] args = new String[options.length + 3];
            args[0] = "sweep";
            System.arraycopy(options, 0, args, 1, options.length);
            args[options.length + 1] = "--out";
            args[options.length + 2] = dir.resolve("out").toString();
            assertEquals((int) c[0], run(new StringBuilder(), args), err);
            assertTrue(err.contains((String) c[1]), err);
            assertEquals(1, err.strip().lines().count(), err);
        }
    }
}
