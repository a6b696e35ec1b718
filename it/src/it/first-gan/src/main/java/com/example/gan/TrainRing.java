package com.example.gan;

import io.jgan.runtime.Network;
import io.jgan.runtime.Networks;
import io.jgan.runtime.Rng;
import io.jgan.runtime.optim.Adam;
import io.jgan.runtime.train.GanTrainer;
import io.jgan.runtime.train.Sampler;
import io.jgan.runtime.train.StepStats;
import io.jgan.runtime.train.TrainingConfig;

public final class TrainRing {
    public static void main(String[] args) {
        int batch = 32;
        Rng rng = new Rng(1);                                   // the seed of the whole run
        Network g = Networks.generator(Ring.class, batch);      // a new Ring_Generator(batch)
        Network d = Networks.discriminator(Ring.class, batch);  // a new Ring_Discriminator(batch)
        g.initialize(rng);                                      // PyTorch's default initialisation
        d.initialize(rng);

        // Adam with beta1 = 0.5, as in the DCGAN paper: with PyTorch's default 0.9 this GAN leaves
        // whole arcs of the circle empty.
        Adam gAdam = new Adam(g, 1e-3, 0.5, 0.999);
        Adam dAdam = new Adam(d, 1e-3, 0.5, 0.999);
        GanTrainer trainer = new GanTrainer(g, d, gAdam, dAdam, new RingData(),
                TrainingConfig.defaults(batch), rng);
        for (int step = 1; step <= 3000; step++) {
            StepStats stats = trainer.iterate();                // allocates nothing
            if (step % 1000 == 0) {
                System.out.println(stats);
            }
        }

        // 5. Sample: 1000 points, 2 floats each, generated in inference mode.
        float[] points = Sampler.generate(g, 1000, rng);
        int near = 0;
        for (int i = 0; i < 1000; i++) {
            double radius = Math.hypot(points[2 * i], points[2 * i + 1]);
            if (Math.abs(radius - 1) < 0.25) {
                near++;
            }
        }
        System.out.println(near + " of 1000 generated points lie within 0.25 of the unit circle");
        for (int i = 0; i < 5; i++) {
            System.out.printf("(%.3f, %.3f)%n", points[2 * i], points[2 * i + 1]);
        }
    }
}
