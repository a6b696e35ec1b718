package io.jgan.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.Rng;
import io.jgan.runtime.data.DataScaling;
import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.train.CheckpointException;
import io.jgan.runtime.train.CheckpointFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {
    private static final int SIZE = 4;

    @TempDir
    Path dir;

    /** Real rows: N(2, 0.5) values drawn once, so the run shuffles them in epochs. */
    static float[] rows(int n) {
        Rng r = new Rng(99);
        float[] rows = new float[n * SIZE];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = (float) (2 + 0.5 * r.nextGaussian());
        }
        return rows;
    }

    static TrainingRun.Builder tiny() {
        return TrainingRun.builder(b -> new Tiny.Generator(SIZE, b), b -> new Tiny.Discriminator(SIZE, b))
                .config(TrainingConfig.defaults(16)).adam(1e-2, 5e-3).seed(3).data(rows(160)).logEvery(4)
                .averageGenerator(0.9).threads(1);
    }

    @Test
    void resumedRunEndsByteIdenticalToAnUninterruptedOne() throws IOException {
        Path whole = dir.resolve("whole");
        TrainingRun a = tiny().steps(95).checkpointEvery(8).out(whole).build();
        List<EpochSummary> epochs = a.run();
        assertEquals(95, a.step());
        assertEquals(9, epochs.size()); // 10 batches of 16 per epoch

        Path split = dir.resolve("split");
        tiny().steps(36).checkpointEvery(8).out(split).build().run();
        TrainingRun b = tiny().steps(95).checkpointEvery(8).out(split).resume(true).build();
        assertEquals(0, b.step());
        b.run();
        assertEquals(95, b.step());
        assertArrayEquals(Files.readAllBytes(whole.resolve(CheckpointFiles.LATEST)),
                Files.readAllBytes(split.resolve(CheckpointFiles.LATEST)));
        assertEquals(Files.readString(whole.resolve(TrainingRun.LOG_FILE)),
                Files.readString(split.resolve(TrainingRun.LOG_FILE)));
        assertArrayEquals(a.samplingGenerator().parameters(), b.samplingGenerator().parameters());
        // The average is not the last parameters: it is what sampling uses.
        assertFalse(java.util.Arrays.equals(a.generator().parameters(), a.samplingGenerator().parameters()));
    }

    @Test
    void inMemoryRunMatchesARunWithADirectoryAndPrintsNothing() throws IOException {
        TrainingRun memory = tiny().steps(40).build();
        memory.run();
        TrainingRun disk = tiny().steps(40).out(dir.resolve("d")).build();
        disk.run();
        assertArrayEquals(memory.generator().parameters(), disk.generator().parameters());
        assertEquals(memory.log(), disk.log());
        assertEquals(3 * 4, memory.log().size()); // batches 4, 8 and 10 of each epoch
    }

    @Test
    void freshRunRefusesADirectoryWithACheckpointAndResumeRefusesOtherSettings() throws IOException {
        Path out = dir.resolve("run");
        tiny().steps(20).out(out).build().run();
        IOException fresh = assertThrows(IOException.class, () -> tiny().steps(40).out(out).build().run());
        assertTrue(fresh.getMessage().contains("already holds a run's checkpoint"), fresh.getMessage());
        CheckpointException other = assertThrows(CheckpointException.class,
                () -> tiny().seed(4).steps(40).out(out).resume(true).build().run());
        assertTrue(other.getMessage().contains("other settings"), other.getMessage());
        CheckpointException none = assertThrows(CheckpointException.class,
                () -> tiny().steps(40).out(dir.resolve("empty")).resume(true).build().run());
        assertTrue(none.getMessage().contains("no "), none.getMessage());
    }

    @Test
    void temporariesOfAKilledWriterAreRemovedAndAnInterruptedRotationCompleted() throws IOException {
        Path out = dir.resolve("run");
        tiny().steps(20).out(out).build().run();
        Files.write(out.resolve(".checkpoint.next.jgan.k3x9.tmp"), new byte[100]);
        Files.move(out.resolve(CheckpointFiles.LATEST), out.resolve(CheckpointFiles.NEXT));
        List<String> messages = new ArrayList<>();
        TrainingRun resumed = tiny().steps(30).out(out).resume(true).listener(new TrainingListener() {
            @Override
            public void onMessage(TrainingRun run, String message) {
                messages.add(message);
            }
        }).build();
        resumed.run();
        assertEquals(30, resumed.step());
        assertFalse(Files.exists(out.resolve(".checkpoint.next.jgan.k3x9.tmp")));
        assertTrue(messages.stream().anyMatch(m -> m.contains("removed 1 temporary file")), messages.toString());
        assertTrue(messages.stream().anyMatch(m -> m.contains(CheckpointFiles.NEXT)), messages.toString());
    }

    @Test
    void divergenceStopsWithTheLastCheckpointIntactOrRollsBackWithLowerRates() throws IOException {
        Poisoned poisoned = new Poisoned();
        Path out = dir.resolve("stop");
        TrainingRun stop = tiny().data(poisoned).stepsPerEpoch(10).steps(40).out(out).build();
        assertThrows(TrainingDivergedException.class, stop::run);
        assertEquals(20, Checkpoint.read(out.resolve(CheckpointFiles.LATEST)).getLongs("run.step")[0]);

        poisoned.calls = 0;
        TrainingRun roll = tiny().data(poisoned).stepsPerEpoch(10).steps(40)
                .onDivergence(DivergencePolicy.rollbackHalving(2)).build();
        roll.run();
        assertEquals(40, roll.step());
        assertEquals(1, roll.rollbacks());
        assertEquals(5e-3, roll.generatorOptimizer().learningRate(), 1e-12);
        assertEquals(2.5e-3, roll.discriminatorOptimizer().learningRate(), 1e-12);
    }

    /** N(2, 0.5) values, with a NaN in the 25th batch. */
    static final class Poisoned implements io.jgan.runtime.data.RealData {
        int calls;

        @Override
        public int sampleSize() {
            return SIZE;
        }

        @Override
        public void next(float[] dst, int batch, Rng rng) {
            calls++;
            for (int k = 0; k < batch * SIZE; k++) {
                dst[k] = (float) (2 + 0.5 * rng.nextGaussian());
            }
            if (calls == 25) {
                dst[0] = Float.NaN;
            }
        }
    }

    @Test
    void progressIsPlainLinesInAFileAndRedrawnOnATerminal() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        tiny().steps(20).listener(new ProgressDisplay(new PrintStream(file, true, StandardCharsets.UTF_8), false))
                .build().run();
        String plain = file.toString(StandardCharsets.UTF_8);
        assertFalse(plain.contains("\r"), plain);
        assertTrue(plain.contains("epoch 2: D loss"), plain);
        assertEquals(1 + 6 + 2, plain.lines().count(), plain); // start, rows at batches 4, 8, 10, 2 epochs

        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        tiny().steps(20).listener(new ProgressDisplay(new PrintStream(terminal, true, StandardCharsets.UTF_8), true))
                .build().run();
        assertTrue(terminal.toString(StandardCharsets.UTF_8).contains("\repoch 2/2 [####################] 10/10"));
    }

    @Test
    void listenersSeeEveryMomentAndTheirStateSurvivesAResume() throws IOException {
        class Counter implements TrainingListener {
            long steps;
            int logs;
            int epochs;
            int checkpoints;

            @Override
            public void onStep(TrainingRun run, StepStats stats) {
                steps++;
            }

            @Override
            public void onLog(TrainingRun run, LogRow row) {
                logs++;
            }

            @Override
            public void onEpoch(TrainingRun run, EpochSummary summary) {
                epochs++;
            }

            @Override
            public void onCheckpoint(TrainingRun run, Checkpoint checkpoint) {
                checkpoints++;
            }

            @Override
            public void save(Checkpoint c) {
                c.put("counter.steps", new long[] {steps});
            }

            @Override
            public void restore(Checkpoint c) throws CheckpointException {
                steps = c.getLongs("counter.steps")[0];
            }
        }
        Path out = dir.resolve("run");
        Counter first = new Counter();
        tiny().steps(25).out(out).listener(first).build().run();
        assertEquals(25, first.steps);
        assertEquals(3 + 3 + 1, first.logs); // batches 4, 8, 10 of epochs 1 and 2, batch 4 of epoch 3
        assertEquals(2, first.epochs);
        assertEquals(3, first.checkpoints); // epochs 1, 2, the end
        Counter second = new Counter();
        tiny().steps(30).out(out).resume(true).listener(second).build().run();
        assertEquals(30, second.steps);
    }

    @Test
    void collapseWatchWarnsWhenTheGeneratorMakesOnePoint() throws IOException {
        List<String> messages = new ArrayList<>();
        CollapseWatch watch = new CollapseWatch(rows(32), SIZE, 0.5, 11);
        TrainingRun run = tiny().adam(1e-12, 1e-12).stepsPerEpoch(5).steps(10).listener(watch)
                .listener(new TrainingListener() {
                    @Override
                    public void onMessage(TrainingRun r, String message) {
                        messages.add(message);
                    }
                }).build();
        run.generator().parameters()[0] = 0f; // x = 0 * z + b: every sample the same
        run.run();
        assertEquals(2, watch.warnings(), messages.toString());
        assertTrue(watch.last() < 0.01, "figure " + watch.last());
        assertTrue(messages.get(0).startsWith("epoch 1: warning: diversity"), messages.toString());

        CollapseWatch healthy = new CollapseWatch(rows(32), SIZE, 0.5, 11);
        tiny().adam(1e-12, 1e-12).stepsPerEpoch(5).steps(10).listener(healthy).build().run();
        assertEquals(0, healthy.warnings(), "figure " + healthy.last());
    }

    @Test
    void dataScalingStandardisesOrMapsTheRangeAndUndoesIt() {
        float[] rows = {1, 10, 3, 20, 5, 60};
        DataScaling standard = DataScaling.standardize(rows, 2);
        float[] scaled = rows.clone();
        standard.apply(scaled);
        assertEquals(0, scaled[0] + scaled[2] + scaled[4], 1e-5);
        assertEquals(3, scaled[1] * scaled[1] + scaled[3] * scaled[3] + scaled[5] * scaled[5], 1e-4);
        standard.undo(scaled);
        assertArrayEquals(rows, scaled, 1e-5f);
        DataScaling range = DataScaling.range(rows, 2);
        float[] r = rows.clone();
        range.apply(r);
        assertArrayEquals(new float[] {-1, -1, 0, -0.6f, 1, 1}, r, 1e-6f);
        assertThrows(IllegalArgumentException.class, () -> new DataScaling(new float[] {0}, new float[] {0}));
    }

    @Test
    void trainedGeneratorKeepsTheAverageAndTheScalingAcrossAFile() throws IOException {
        DataScaling scaling = new DataScaling(new float[] {1, 2, 3, 4}, new float[] {2, 2, 2, 0.5f});
        TrainingRun run = tiny().steps(30).scaling(scaling).out(dir.resolve("run")).build();
        run.run();
        Path file = dir.resolve("generator.jgan");
        run.trainedGenerator().write(file);
        TrainedGenerator fromFile = TrainedGenerator.read(file);
        TrainedGenerator fromRun = TrainedGenerator.read(dir.resolve("run").resolve(CheckpointFiles.LATEST));
        assertTrue(fromRun.averaged());
        assertTrue(fromFile.averaged());
        assertArrayEquals(run.samplingGenerator().parameters(), fromFile.parameters());
        assertArrayEquals(fromFile.parameters(), fromRun.parameters());
        assertEquals(scaling, fromFile.scaling());
        Tiny.Generator fresh = new Tiny.Generator(SIZE, 8);
        fromFile.loadInto(fresh);
        assertArrayEquals(fromFile.parameters(), fresh.parameters());
        assertNotEquals(0f, fresh.parameters()[0]);
        CheckpointException wrong = assertThrows(CheckpointException.class,
                () -> fromFile.loadInto(new Tiny.Generator(SIZE + 1, 8)));
        assertTrue(wrong.getMessage().contains("generator.jgan"), wrong.getMessage());
    }

    @Test
    void openRestoresBeforeRunAndTheCheckpointCheckSeesTheCheckpointFirst() throws IOException {
        Path out = dir.resolve("run");
        tiny().steps(20).out(out).writeLogFile(false).build().run();
        assertFalse(Files.exists(out.resolve(TrainingRun.LOG_FILE)));
        CheckpointException refused = assertThrows(CheckpointException.class, () -> tiny().steps(40).out(out)
                .resume(true).checkpointCheck((c, run) -> {
                    throw new CheckpointException("not mine: " + c.getLongs("run.step")[0]);
                }).build().open());
        assertTrue(refused.getMessage().startsWith("not mine: 20"), refused.getMessage());
        List<String> seen = new ArrayList<>();
        TrainingRun resumed = tiny().steps(40).out(out).resume(true)
                .checkpointCheck((c, run) -> seen.add(run.settings())).build();
        resumed.open();
        assertEquals(20, resumed.step());
        assertEquals(List.of(resumed.settings()), seen);
        resumed.run();
        assertEquals(40, resumed.step());
    }

    @Test
    void beforeStepRunsBeforeEveryIterationAndDataMayBeMadeFromTheRunsRng() throws IOException {
        List<Long> before = new ArrayList<>();
        float[] rows = rows(160);
        TrainingRun made = tiny().data(rng -> new io.jgan.runtime.data.EpochData(rows, SIZE, 16, rng)).steps(25)
                .listener(new TrainingListener() {
                    @Override
                    public void beforeStep(TrainingRun run) {
                        before.add(run.step());
                    }
                }).build();
        made.run();
        assertEquals(java.util.stream.LongStream.range(0, 25).boxed().toList(), before);
        TrainingRun given = tiny().data(rows).steps(25).build();
        given.run();
        assertArrayEquals(given.generator().parameters(), made.generator().parameters());
        assertEquals(given.settings(), made.settings());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tiny().steps(1).fakeLabelsFromData(true).build());
        assertTrue(e.getMessage().contains("need labelled data"), e.getMessage());
    }
}
