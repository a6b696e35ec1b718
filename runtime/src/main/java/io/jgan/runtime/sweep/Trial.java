package io.jgan.runtime.sweep;

/**
 * One run of a sweep. Everything about it follows from its plan and its id, never from where or
 * how often it runs: another thread, executor or attempt trains the same bits.
 *
 * @param id the trial's number in its plan, from 0
 * @param seed the run's seed: the plan's seed list at {@code id % seeds}
 * @param settings the plan's settings at {@code id / seeds}
 */
public record Trial(int id, long seed, TrialSettings settings) {}
