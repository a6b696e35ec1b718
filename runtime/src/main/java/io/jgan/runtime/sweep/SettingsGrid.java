package io.jgan.runtime.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Every combination of a few values per setting, starting from a base:
 * <pre>{@code
 * List<TrialSettings> grid = SettingsGrid.from(TrialSettings.defaults())
 *         .learningRates(List.of(1e-4, 2e-4), List.of(1e-4, 4e-4))
 *         .averageDecays(List.of(0.0, 0.998))
 *         .settings();                                       // 2 x 2 x 2 = 8 settings
 * }</pre>
 * The order is fixed: the first axis varies slowest, so a trial id always names the same settings.
 */
public final class SettingsGrid {
    private List<TrialSettings> settings;

    private SettingsGrid(TrialSettings base) {
        this.settings = List.of(base);
    }

    /**
     * {@return a grid of the one setting {@code base}; each axis added multiplies it}
     *
     * @param base the settings that the axes change
     */
    public static SettingsGrid from(TrialSettings base) {
        return new SettingsGrid(base);
    }

    private <T> SettingsGrid axis(String name, List<T> values, BiFunction<TrialSettings, T, TrialSettings> apply) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one value of " + name);
        }
        List<TrialSettings> next = new ArrayList<>(settings.size() * values.size());
        for (TrialSettings s : settings) {
            for (T v : values) {
                next.add(apply.apply(s, v));
            }
        }
        settings = List.copyOf(next);
        return this;
    }

    /**
     * {@return this grid times every learning rate, the same for both networks}
     *
     * @param rates the learning rates
     */
    public SettingsGrid learningRates(List<Double> rates) {
        return axis("the learning rate", rates, (s, lr) -> s.withLearningRates(lr, lr));
    }

    /**
     * {@return this grid times every pair of learning rates (generator, discriminator)}
     *
     * @param generator the generator's learning rates
     * @param discriminator the discriminator's learning rates
     */
    public SettingsGrid learningRates(List<Double> generator, List<Double> discriminator) {
        axis("the generator's learning rate", generator, (s, lr) -> s.withLearningRates(lr, s.discriminatorLearningRate()));
        return axis("the discriminator's learning rate", discriminator,
                (s, lr) -> s.withLearningRates(s.generatorLearningRate(), lr));
    }

    /**
     * {@return this grid times every first-moment decay (Adam's beta1), beta2 unchanged}
     *
     * @param beta1 the values
     */
    public SettingsGrid beta1(List<Double> beta1) {
        return axis("beta1", beta1, (s, b) -> s.withBetas(b, s.beta2()));
    }

    /**
     * {@return this grid times every loss}
     *
     * @param losses the losses' names
     */
    public SettingsGrid losses(List<String> losses) {
        return axis("the loss", losses, TrialSettings::withLoss);
    }

    /**
     * {@return this grid times every number of discriminator steps per iteration}
     *
     * @param steps the values
     */
    public SettingsGrid discriminatorSteps(List<Integer> steps) {
        return axis("the discriminator's steps", steps, (s, n) -> s.withStepsPerIteration(n, s.generatorSteps()));
    }

    /**
     * {@return this grid times every batch size}
     *
     * @param sizes the values
     */
    public SettingsGrid batchSizes(List<Integer> sizes) {
        return axis("the batch size", sizes, TrialSettings::withBatchSize);
    }

    /**
     * {@return this grid times every number of training iterations}
     *
     * @param steps the values
     */
    public SettingsGrid steps(List<Long> steps) {
        return axis("the training steps", steps, TrialSettings::withSteps);
    }

    /**
     * {@return this grid times every decay of the generator's average (0: none)}
     *
     * @param decays the values
     */
    public SettingsGrid averageDecays(List<Double> decays) {
        return axis("the average's decay", decays, TrialSettings::withAverageDecay);
    }

    /** {@return the settings, in the grid's order} */
    public List<TrialSettings> settings() {
        return settings;
    }
}
