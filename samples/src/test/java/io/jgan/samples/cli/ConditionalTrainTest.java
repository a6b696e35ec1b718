package io.jgan.samples.cli;

import static io.jgan.samples.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Rng;
import io.jgan.runtime.io.Npy;
import io.jgan.runtime.io.NpyArray;
import io.jgan.runtime.train.CheckpointFiles;
import io.jgan.samples.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jgan train|sample|export|sweep} on a conditional spec ({@code TwoCentres}: 2-D points whose
 * class picks the centre), from a user's CSV with a label column or a .npy with a labels file.
 */
class ConditionalTrainTest {
    static final String SPEC = "io.jgan.samples.conditional.TwoCentres";
    /** Class c's points lie around CENTRES[c], with a std of 0.25 on each axis. */
    static final float[][] CENTRES = {{-2f, 1f}, {2f, -1f}};

    @TempDir
    static Path dir;
    static Path csv;
    static Path trained;

    /** Points and their labels: row r is x, y, label, with the labels drawn at random (about 2 class 0 to 1 class 1). */
    static float[] points(int n, long seed, int[] labels) {
        Rng rng = new Rng(seed);
        float[] p = new float[2 * n];
        for (int r = 0; r < n; r++) {
            labels[r] = rng.nextInt(3) == 2 ? 1 : 0;
            p[2 * r] = CENTRES[labels[r]][0] + 0.25f * (float) rng.nextGaussian();
            p[2 * r + 1] = CENTRES[labels[r]][1] + 0.25f * (float) rng.nextGaussian();
        }
        return p;
    }

    @BeforeAll
    static void data() throws IOException {
        int[] labels = new int[1024];
        float[] p = points(labels.length, 5, labels);
        StringBuilder text = new StringBuilder("x,y,label\n");
        for (int r = 0; r < labels.length; r++) {
            text.append(p[2 * r]).append(',').append(p[2 * r + 1]).append(',').append(labels[r]).append('\n');
        }
        csv = Files.writeString(dir.resolve("centres.csv"), text);
        trained = dir.resolve("trained");
        CliRun r = run(train(csv, trained, "--steps", "600", "--g-lr", "2e-3", "--d-lr", "2e-3", "--g-betas", "0.5,0.999",
                "--d-betas", "0.5,0.999"));
        assertEquals(0, r.exitCode(), r.err() + r.out());
    }

    static String[] train(Path data, Path out, String... more) {
        String[] base = {"train", "--spec", SPEC, "--data", data.toString(), "--out", out.toString(), "--threads", "1",
            "--log-every", "1000"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /** The share of rows (x, y, label) of a sample CSV that lie nearer their label's centre than the other. */
    static double followLabel(Path samples, int[] count) throws IOException {
        List<String> lines = Files.readAllLines(samples);
        assertEquals("x1,x2,label", lines.get(0));
        int right = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            float x = Float.parseFloat(c[0]);
            float y = Float.parseFloat(c[1]);
            int label = Integer.parseInt(c[2]);
            count[label]++;
            int nearest = distance(x, y, CENTRES[0]) < distance(x, y, CENTRES[1]) ? 0 : 1;
            right += nearest == label ? 1 : 0;
        }
        return right / (double) (lines.size() - 1);
    }

    private static double distance(float x, float y, float[] centre) {
        return Math.hypot(x - centre[0], y - centre[1]);
    }

    @Test
    void theGeneratorMakesTheClassItIsAskedFor() throws IOException {
        Path checkpoint = trained.resolve(TrainCommand.GENERATOR_FILE);
        Path both = dir.resolve("both.csv");
        CliRun sample = run("sample", "--checkpoint", checkpoint.toString(), "--n", "400", "--out", both.toString());
        assertEquals(0, sample.exitCode(), sample.err());
        assertTrue(sample.out().contains("of classes 0 to 1 in turn"), sample.out());
        int[] count = new int[2];
        double share = followLabel(both, count);
        assertArrayEquals(new int[] {200, 200}, count, "without --class, the classes in turn");
        assertTrue(share > 0.95, share + " of the samples lie at their label's centre");
        for (int c = 0; c < 2; c++) {
            Path one = dir.resolve("class" + c + ".csv");
            assertEquals(0, run("sample", "--checkpoint", checkpoint.toString(), "--n", "200", "--class",
                    Integer.toString(c), "--out", one.toString()).exitCode());
            int[] counted = new int[2];
            double only = followLabel(one, counted);
            assertEquals(200, counted[c]);
            assertTrue(only > 0.95, only + " of the samples asked for class " + c + " lie at its centre");
        }
        // The same samples as .npy, their labels beside them.
        Path npy = dir.resolve("both.npy");
        Path labels = dir.resolve("both-labels.npy");
        CliRun asNpy = run("sample", "--checkpoint", checkpoint.toString(), "--n", "400", "--out", npy.toString(),
                "--labels-out", labels.toString(), "--class", "1,0");
        assertEquals(0, asNpy.exitCode(), asNpy.err());
        assertArrayEquals(new int[] {400}, Npy.read(labels).shape());
        assertEquals(1f, Npy.read(labels).data()[0]);
        assertEquals(0f, Npy.read(labels).data()[1]);
        assertArrayEquals(new int[] {400, 2}, Npy.read(npy).shape());
    }

    @Test
    void badLabelsAreOneLineNamingWhereAndNothingIsWritten() throws IOException {
        String[][] cases = {
            {"x,y,label\n1,2,0\n3,4,2\n", "line 3, column 3 (label) is 2, outside [0, 2), the classes of " + SPEC},
            {"x,y,label\n1,2,0.5\n", "line 2, column 3 (label) is \"0.5\", not a class: labels of " + SPEC
                + " are whole numbers 0 to 1"},
            {"x,y,label\n1,2,1\n1,2,\n", "line 3, column 3 (label) is empty: every row needs its label"},
            {"x,y,label\n1,2,-1\n", "is -1, outside [0, 2)"},
            {"x,y,class\n1,2,1\n", SPEC + " is conditional (@Condition): its labels are read from a column named"
                + " 'label', but --data"},
            {"1,2,1\n", "has no header; name it with --label-column NAME or give its number (1 to 3)"},
            {"label,x,y\n1,2,3\n", null},
        };
        int k = 0;
        for (String[] c : cases) {
            Path bad = Files.writeString(dir.resolve("labels" + k + ".csv"), c[0]);
            Path out = dir.resolve("labels-out" + k++);
            CliRun r = run(train(bad, out, "--steps", "1", "--batch", "1"));
            if (c[1] == null) {
                assertEquals(0, r.exitCode(), "the label column may be anywhere: " + r.err());
                continue;
            }
            assertEquals(1, r.exitCode(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.lastError().contains(c[1]), r.lastError());
            assertTrue(r.lastError().contains(bad.toString()), r.lastError());
            assertFalse(Files.exists(out), "nothing may be written for " + c[0]);
        }
        Path noHeader = Files.writeString(dir.resolve("no-header.csv"), "1,0,2\n3,1,4\n");
        CliRun byNumber = run(train(noHeader, dir.resolve("by-number"), "--steps", "1", "--batch", "1",
                "--label-column", "2"));
        assertEquals(0, byNumber.exitCode(), byNumber.err());
        CliRun noColumn = run(train(noHeader, dir.resolve("no-column"), "--steps", "1", "--label-column", "4"));
        assertEquals(1, noColumn.exitCode());
        assertTrue(noColumn.lastError().contains("--label-column 4: --data " + noHeader + " has 3 columns, no column 4"),
                noColumn.lastError());
        CliRun unconditional = run("train", "--spec", TrainCommandTest.SPEC, "--data", csv.toString(), "--out",
                dir.resolve("ring-labelled").toString(), "--label-column", "label");
        assertEquals(2, unconditional.exitCode());
        assertTrue(unconditional.lastError().contains("RingSpec has no @Condition: its networks take no labels; drop"
                + " --label-column"), unconditional.lastError());
        CliRun fakes = run(train(csv, dir.resolve("fakes"), "--fake-labels", "often"));
        assertEquals(2, fakes.exitCode());
        assertTrue(fakes.lastError().contains("--fake-labels must be uniform or data, was often"), fakes.lastError());
    }

    @Test
    void npyDataTakesItsLabelsFromAFileOfTheirOwn() throws IOException {
        int[] labels = new int[256];
        float[] p = points(labels.length, 6, labels);
        Path data = dir.resolve("centres.npy");
        Npy.write(data, NpyArray.of(p, labels.length, 2));
        float[] asFloats = new float[labels.length];
        for (int r = 0; r < labels.length; r++) {
            asFloats[r] = labels[r];
        }
        Path labelFile = dir.resolve("centres-labels.npy");
        Npy.write(labelFile, NpyArray.of(asFloats, labels.length));
        CliRun missing = run(train(data, dir.resolve("npy-missing"), "--steps", "4"));
        assertEquals(2, missing.exitCode());
        assertTrue(missing.lastError().contains("is conditional (@Condition, 2 classes): give each row's class of " + data
                + " with --labels FILE.npy"), missing.lastError());
        asFloats[17] = 1.5f;
        Path bad = dir.resolve("bad-labels.npy");
        Npy.write(bad, NpyArray.of(asFloats, labels.length));
        CliRun half = run(train(data, dir.resolve("npy-bad"), "--steps", "4", "--labels", bad.toString()));
        assertEquals(1, half.exitCode());
        assertEquals("--labels " + bad + ": row 18 is 1.5, not a class of " + SPEC + "'s @Condition: labels must be whole"
                + " numbers 0 to 1", half.lastError().replaceFirst("^.*?--labels", "--labels"));
        assertFalse(Files.exists(dir.resolve("npy-bad")));
        Path out = dir.resolve("npy");
        CliRun ok = run(train(data, out, "--steps", "8", "--labels", labelFile.toString(), "--fake-labels", "data"));
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().contains("2 classes from " + labelFile + ", fake labels data"), ok.out());
    }

    @Test
    void exportAndSweepOfAConditionalSpecAndSampleRefusesWhatDoesNotFit() throws IOException {
        Path checkpoint = trained.resolve(CheckpointFiles.LATEST);
        CliRun g = run("export", "--checkpoint", checkpoint.toString(), "--out", dir.resolve("g.npz").toString());
        assertEquals(0, g.exitCode(), g.err());
        assertTrue(g.out().contains("0.weight [2, 4]"), "the label's embedding: " + g.out());
        assertTrue(g.out().contains("1.weight [32, 6]"), "noise 2 ++ embedding 4: " + g.out());
        CliRun d = run("export", "--checkpoint", checkpoint.toString(), "--network", "discriminator", "--out",
                dir.resolve("d.npz").toString());
        assertEquals(0, d.exitCode(), d.err());
        assertTrue(d.out().contains("1.weight [32, 4]"), "x, y ++ one-hot of 2: " + d.out());

        CliRun wrongClass = run("sample", "--checkpoint", checkpoint.toString(), "--class", "2", "--out",
                dir.resolve("x.csv").toString());
        assertEquals(2, wrongClass.exitCode());
        assertTrue(wrongClass.lastError().contains("--class 2 is not a class of " + checkpoint + "'s generator; use 0"
                + " to 1"), wrongClass.lastError());
        Path ring = dir.resolve("ring");
        assertEquals(0, run("train", "--spec", TrainCommandTest.SPEC, "--data", TrainCommandTest.ringCsv(
                dir.resolve("ring.csv"), 128, 1).toString(), "--out", ring.toString(), "--steps", "2").exitCode());
        CliRun unconditional = run("sample", "--checkpoint", ring.resolve(CheckpointFiles.LATEST).toString(), "--class",
                "1", "--out", dir.resolve("ring.csv.out.csv").toString());
        assertEquals(2, unconditional.exitCode());
        assertTrue(unconditional.lastError().contains("holds an unconditional generator (its spec has no @Condition),"
                + " which takes no labels; drop --class"), unconditional.lastError());

        CliRun sweep = run("sweep", "--spec", SPEC, "--data", csv.toString(), "--out", dir.resolve("sweep").toString(),
                "--steps", "10");
        assertEquals(1, sweep.exitCode());
        assertEquals(1, sweep.err().strip().lines().count(), sweep.err());
        assertTrue(sweep.lastError().contains(SPEC + " is conditional (@Condition): jgan sweep trains on unlabelled"
                + " tables only"), sweep.lastError());
        assertFalse(Files.exists(dir.resolve("sweep")));
    }

    /** SIGKILL a conditional jgan train after a checkpoint, resume: the same bytes as a run that never stopped. */
    @Test
    void killedConditionalTrainingResumedEndsByteIdentical() throws Exception {
        String[] options = {"--steps", "120", "--checkpoint-every", "10", "--ema", "0.99", "--fake-labels", "data"};
        Path whole = dir.resolve("whole");
        assertEquals(0, run(train(csv, whole, options)).exitCode());

        Path killed = dir.resolve("killed");
        Path latest = killed.resolve(CheckpointFiles.LATEST);
        TrainCommandTest.killAfterFirstCheckpoint(train(csv, killed, options), killed, 3);
        CliRun other = run("train", "--resume", "--out", killed.toString(), "--fake-labels", "uniform");
        assertEquals(2, other.exitCode());
        assertTrue(other.lastError().contains("was trained with --fake-labels data, not uniform"), other.lastError());
        CliRun resumed = run("train", "--resume", "--out", killed.toString());
        assertEquals(0, resumed.exitCode(), resumed.err() + resumed.out());
        assertArrayEquals(Files.readAllBytes(whole.resolve(CheckpointFiles.LATEST)), Files.readAllBytes(latest));
        assertArrayEquals(Files.readAllBytes(whole.resolve(TrainCommand.GENERATOR_FILE)),
                Files.readAllBytes(killed.resolve(TrainCommand.GENERATOR_FILE)));
    }
}
