/**
 * Sweeps: one spec trained with many settings and seeds, every run scored, the best kept.
 *
 * <p>A {@link io.jgan.runtime.sweep.SweepPlan} names the networks, the data, the seeds, the settings
 * and the {@link io.jgan.runtime.sweep.Score}; {@link io.jgan.runtime.sweep.LocalSweep} runs its
 * trials on this machine's cores, one thread each, and writes a checkpoint per trial and
 * {@code results.csv}. A trial depends on its plan and id only, so the optional jgan-spark module
 * runs the same plan on a cluster with the same bytes. The classes are serializable for that
 * purpose only: their serialized form is not a stable file format (checkpoints and the CSV are).
 *
 * @serial exclude
 */
package io.jgan.runtime.sweep;
