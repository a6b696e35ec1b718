package com.example.gan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jgan.runtime.train.Sampler;
import io.jgan.runtime.train.StepStats;
import org.junit.jupiter.api.Test;

class TrainRingTest {

    @Test
    void trainsWithFiniteLosses() {
        TrainRing run = new TrainRing(7);
        for (int step = 0; step < 300; step++) {
            StepStats stats = run.trainer.iterate();
            assertTrue(Float.isFinite(stats.discriminatorLoss) && Float.isFinite(stats.generatorLoss), stats::toString);
        }
        float[] points = Sampler.generate(run.generator, 200, run.rng);
        double radius = 0;
        for (int i = 0; i < 200; i++) {
            assertTrue(Float.isFinite(points[2 * i]) && Float.isFinite(points[2 * i + 1]));
            radius += Math.hypot(points[2 * i], points[2 * i + 1]) / 200;
        }
        System.out.printf("mean radius after 300 steps: %.3f%n", radius);
    }
}
