package io.jgan.runtime.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep: one spec's networks and data, trained with every settings of a list on every seed of a
 * list, each run scored. Trial {@code id} trains {@code settings[id / seeds.size()]} on seed
 * {@code seeds[id % seeds.size()]}: a trial's seed follows from the plan and the trial's id alone,
 * so trial 7 on seed 3 is the run {@code jgan train --seed 3} would make with its settings.
 *
 * @param networks makes each trial's generator and discriminator
 * @param data each trial's real samples
 * @param seeds the seeds every settings is trained on
 * @param settings the settings to try
 * @param score measures each trained generator
 */
public record SweepPlan(GanNetworks networks, DataSource data, List<Long> seeds, List<TrialSettings> settings,
        Score score) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Validates the plan.
     *
     * @param networks makes each trial's generator and discriminator
     * @param data each trial's real samples
     * @param seeds the seeds every settings is trained on
     * @param settings the settings to try
     * @param score measures each trained generator
     */
    public SweepPlan {
        if (seeds.isEmpty() || settings.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one seed and one settings");
        }
        if ((long) seeds.size() * settings.size() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(seeds.size() + " seeds x " + settings.size() + " settings are too many trials");
        }
        if (seeds.stream().distinct().count() != seeds.size()) {
            throw new IllegalArgumentException("a seed is listed twice: " + seeds + " (its trials would repeat each other)");
        }
        seeds = List.copyOf(seeds);
        settings = List.copyOf(settings);
    }

    /** {@return how many trials: seeds times settings} */
    public int size() {
        return seeds.size() * settings.size();
    }

    /**
     * {@return trial {@code id}: its seed and settings follow from the id alone}
     *
     * @param id from 0 to {@link #size()} - 1
     */
    public Trial trial(int id) {
        if (id < 0 || id >= size()) {
            throw new IllegalArgumentException("trial " + id + " is not in this plan of " + size() + " trials");
        }
        return new Trial(id, seeds.get(id % seeds.size()), settings.get(id / seeds.size()));
    }

    /** {@return every trial, by id} */
    public List<Trial> trials() {
        List<Trial> trials = new ArrayList<>(size());
        for (int id = 0; id < size(); id++) {
            trials.add(trial(id));
        }
        return trials;
    }
}
