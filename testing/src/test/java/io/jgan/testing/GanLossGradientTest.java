package io.jgan.testing;

import io.jgan.runtime.Rng;
import io.jgan.runtime.loss.GanLoss;
import io.jgan.runtime.loss.GanLoss.Term;
import io.jgan.testing.GradientCheck.Numeric;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every loss's gradient, for every term and for hard and smoothed labels, against central differences
 * of its value: on probabilities in (0.05, 0.95) for bce, on scores in +-[0.1, 3] for the others, and for
 * bce-logits also +-30, where a float sigmoid saturates. The hinge's margins are kinks: the check
 * watches {@code 1 - x} and {@code 1 + x}, so an entry whose step crosses a margin is not compared.
 * The values themselves are checked against PyTorch in the runtime's {@code GanLossTest}.
 */
class GanLossGradientTest {
    private static final int N = 12;

    @ParameterizedTest
    @ValueSource(strings = {"bce", "bce-logits", "lsgan", "hinge", "wgan"})
    void gradientMatchesCentralDifferences(String name) {
        GanLoss loss = GanLoss.byName(name);
        Rng rng = new Rng(name.hashCode());
        float[] x = new float[N];
        for (int k = 0; k < N; k++) {
            float magnitude = 0.1f + 2.9f * rng.nextFloat();
            x[k] = loss.readsProbabilities() ? 0.05f + 0.9f * rng.nextFloat()
                    : rng.nextFloat() < 0.5f ? -magnitude : magnitude;
        }
        if (name.equals("bce-logits")) {
            x[0] = 30f;
            x[1] = -30f;
        }
        for (Term term : Term.values()) {
            for (float label : loss.usesLabels() ? new float[] {1f, 0f, 0.9f} : new float[] {1f}) {
                float[] margins = new float[N];
                Numeric numeric = GradientCheck.centralDifferences(x, () -> {
                    for (int k = 0; k < N; k++) {
                        margins[k] = term == Term.FAKE ? 1f + x[k] : 1f - x[k];
                    }
                    return loss.loss(term, label, x, N);
                }, List.of(margins));
                float[] analytic = new float[N];
                loss.gradient(term, label, 1f, x, N, analytic);
                GradientCheck.compare(name + " " + term + " label " + label, analytic, numeric, k -> "x[" + k + "]")
                        .orThrow().requireNonZero();
            }
        }
    }
}
