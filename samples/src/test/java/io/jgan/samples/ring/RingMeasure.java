package io.jgan.samples.ring;

import io.jgan.runtime.Rng;
import io.jgan.runtime.data.DataScaling;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.train.TrainingConfig;
import io.jgan.runtime.train.TrainingRun;

/**
 * Measures settings of the ring on seeds 1..6, for docs/making-a-gan-train.md (not a test: it takes
 * minutes). {@code java -cp <test class path> io.jgan.samples.ring.RingMeasure} with
 * {@code -Dring.settings=default,d2,... -Dring.steps=4000 -Dring.seeds=6}.
 */
final class RingMeasure {
    public static void main(String[] args) throws Exception {
        measure();
    }

    static void measure() throws Exception {
        String[] names = System.getProperty("ring.settings", "default,recommended").split(",");
        int steps = Integer.getInteger("ring.steps", 3000);
        for (String name : names) {
            StringBuilder line = new StringBuilder(name + " steps " + steps + ":");
            long t0 = System.nanoTime();
            for (int seed = 1; seed <= Integer.getInteger("ring.seeds", 6); seed++) {
                float[] rows = RingData.sample(4096, new Rng(1000 + seed));
                DataScaling s = DataScaling.standardize(rows, 2);
                s.apply(rows);
                TrainingConfig c = TrainingConfig.defaults(64);
                TrainingRun.Builder b = TrainingRun.builder(RingSpec.class).data(rows).scaling(s).seed(seed).steps(steps).threads(1);
                switch (name) {
                    case "default" -> b.config(c);
                    case "lr" -> b.config(c).adam(1e-3, 5e-4);
                    case "lrema" -> b.config(c).adam(1e-3, 5e-4).averageGenerator(0.995);
                    case "recommended" -> b.config(c.withLabels(0.9f, 0f, 1f)).adam(1e-3, 5e-4).averageGenerator(0.995);
                    case "rec2d" -> b.config(c.withLabels(0.9f, 0f, 1f).withSteps(2, 1)).adam(1e-3, 5e-4).averageGenerator(0.995);
                    case "d2" -> b.config(c.withSteps(2, 1));
                    case "lr2d" -> b.config(c.withSteps(2, 1)).adam(1e-3, 5e-4);
                    case "lr2dema" -> b.config(c.withSteps(2, 1)).adam(1e-3, 5e-4).averageGenerator(0.995);
                    case "rec3d" -> b.config(c.withLabels(0.9f, 0f, 1f).withSteps(3, 1)).adam(1e-3, 5e-4).averageGenerator(0.995);
                    case "rec2dnoema" -> b.config(c.withLabels(0.9f, 0f, 1f).withSteps(2, 1)).adam(1e-3, 5e-4);
                    case "ttur" -> b.config(c).adam(2e-4, 1e-3);
                    case "ttur2d" -> b.config(c.withSteps(2, 1)).adam(2e-4, 1e-3);
                    case "d2ema" -> b.config(c.withSteps(2, 1)).averageGenerator(0.995);
                    case "d2smooth" -> b.config(c.withSteps(2, 1).withLabels(0.9f, 0f, 1f));
                    case "d3" -> b.config(c.withSteps(3, 1));
                    case "d3ema" -> b.config(c.withSteps(3, 1)).averageGenerator(0.995);
                    case "smooth" -> b.config(c.withLabels(0.9f, 0f, 1f));
                    case "ema" -> b.config(c).averageGenerator(0.995);
                    default -> throw new IllegalArgumentException(name);
                }
                TrainingRun run = b.build();
                run.run();
                float[] pts = run.trainedGenerator().sample(2000, new Rng(77));
                line.append(" ").append(seed).append(":").append(RingData.quality(pts));
            }
            System.out.println(line + String.format("  %.1fs", (System.nanoTime() - t0) / 1e9));
        }
    }
}
