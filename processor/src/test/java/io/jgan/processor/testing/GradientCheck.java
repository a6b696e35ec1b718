package io.jgan.processor.testing;

import io.jgan.runtime.LayerInfo;
import io.jgan.runtime.Network;
import io.jgan.runtime.NetworkInfo;
import io.jgan.runtime.Rng;
import io.jgan.runtime.Tensor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleSupplier;
import java.util.function.IntFunction;

/**
 * Finite-difference gradient checks for generated networks, after llm.c's {@code check_tensor}.
 *
 * <p>The loss is a fixed random linear function of the output, {@code L = sum_k c_k out_k} over a
 * batch of fixed inputs, so {@code dL/dout = c} is what {@link Network#backward()} starts from. The
 * numeric gradient is the central difference {@code (L(v + eps) - L(v - eps)) / (2 eps)}, L summed in
 * double; dropout draws from a generator reset to the same seed before every forward pass, so every
 * pass sees the same mask.
 *
 * <p>Tolerance: an entry is bad when {@code |analytic - numeric| > ABSOLUTE + RELATIVE * max(|analytic|,
 * |numeric|)}. The network runs in float32, so a central difference carries a rounding error of order
 * {@code 1e-7 |L| / eps}: measured, at most 4e-5 beyond the relative part in these tests, five
 * times below {@link #ABSOLUTE}; a gradient read from a wrong index is off by the size of a gradient
 * (1e-3 to 1 here). {@code GradientCheckerTest} proves the checker fails on swapped entries, on a
 * slightly scaled gradient and on a batch-indexing bug in generated code.
 *
 * <p>Kinks: ReLU's derivative jumps where its input crosses 0, and a central difference across that
 * point measures neither side (CS231n's "kinks"). The check watches the sign of every intermediate
 * value the generated class buffers; an entry whose perturbation flipped one is not held to the
 * tolerance, only counted, and the check fails if more than a tenth of the entries are such.
 */
public final class GradientCheck {
    /** Step of the central difference. */
    public static final float EPS = 1e-3f;
    /** Allowed absolute difference. */
    public static final double ABSOLUTE = 2e-4;
    /** Allowed difference relative to the larger magnitude. */
    public static final double RELATIVE = 1e-2;

    private final Network network;
    private final int batch;
    private final float[] input;
    private final float[] outputCoefficients;
    private final long dropoutSeed;

    /**
     * A probe of {@code network} on {@code batch} samples: inputs, loss coefficients and dropout seed
     * all drawn from {@code seed}.
     */
    public GradientCheck(Network network, int batch, long seed) {
        this.network = network;
        this.batch = batch;
        Rng rng = new Rng(seed);
        this.input = awayFromZero(rng, batch * network.info().inputSize());
        this.outputCoefficients = awayFromZero(rng, network.outputBatch(batch) * network.info().outputSize());
        this.dropoutSeed = rng.nextLong();
    }

    /**
     * Values in +-[0.1, 1): big enough that every loss term matters, and not within a step of 0,
     * so that no input perturbation crosses a kink of a first-layer ReLU.
     */
    private static float[] awayFromZero(Rng rng, int n) {
        float[] v = new float[n];
        for (int k = 0; k < n; k++) {
            float magnitude = 0.1f + 0.9f * rng.nextFloat();
            v[k] = rng.nextFloat() < 0.5f ? -magnitude : magnitude;
        }
        return v;
    }

    /** The probe's inputs, [batch, inputSize]. */
    public float[] input() {
        return input;
    }

    /** The loss at the current parameters and inputs. */
    public double loss() {
        float[] out = forward();
        double loss = 0;
        for (int k = 0; k < outputCoefficients.length; k++) {
            loss += (double) outputCoefficients[k] * out[k];
        }
        return loss;
    }

    private float[] forward() {
        network.setTraining(true);
        network.setRandom(new Rng(dropoutSeed));
        return network.forward(input, batch);
    }

    /** Runs forward and puts {@code dL/dout = c} into the network's output gradient. */
    public void forwardAndSeedOutputGradient() {
        forward();
        System.arraycopy(outputCoefficients, 0, network.outputGradient(), 0, outputCoefficients.length);
    }

    /** {@code dL/dparams} from {@link Network#backward()}, starting from zeroed gradients. */
    public float[] parameterGradient() {
        forwardAndSeedOutputGradient();
        network.zeroGradients();
        network.backward();
        return network.gradients().clone();
    }

    /** {@code dL/dinput} from {@link Network#backwardToInput()}. */
    public float[] inputGradient() {
        forwardAndSeedOutputGradient();
        return Arrays.copyOf(network.backwardToInput(), input.length);
    }

    /** {@code dL/dparams} by central differences, perturbing each parameter in place. */
    public Numeric numericParameterGradient() {
        return centralDifferences(network.parameters(), this::loss, network);
    }

    /** {@code dL/dinput} by central differences. */
    public Numeric numericInputGradient() {
        return centralDifferences(input, this::loss, network);
    }

    /** Checks the parameter gradient of this probe's network; throws with the report if it is wrong. */
    public Result checkParameters() {
        return compare(network.info().displayName() + " parameters", parameterGradient(), numericParameterGradient(),
                parameterNames(network.info())).orThrow().requireNonZero();
    }

    /** Checks the input gradient of this probe's network; throws with the report if it is wrong. */
    public Result checkInput() {
        return compare(network.info().displayName() + " input", inputGradient(), numericInputGradient(),
                inputNames(network.info())).orThrow().requireNonZero();
    }

    /**
     * A numeric gradient.
     *
     * @param gradient the central differences
     * @param crossedKink per entry: whether its perturbation flipped the sign of an intermediate value
     */
    public record Numeric(double[] gradient, boolean[] crossedKink) {
        /** A numeric gradient computed without kink tracking. */
        public static Numeric of(double[] gradient) {
            return new Numeric(gradient, new boolean[gradient.length]);
        }
    }

    /**
     * The central difference of {@code loss} with respect to every entry of {@code values}, which it
     * perturbs in place (and restores); {@code watched} are the networks whose intermediate values
     * are watched for kinks.
     */
    public static Numeric centralDifferences(float[] values, DoubleSupplier loss, Network... watched) {
        List<float[]> buffers = new ArrayList<>();
        for (Network network : watched) {
            buffers.addAll(intermediateBuffers(network));
        }
        loss.getAsDouble();
        boolean[] signs = signs(buffers);
        double[] gradient = new double[values.length];
        boolean[] crossed = new boolean[values.length];
        for (int k = 0; k < values.length; k++) {
            float v = values[k];
            float plus = v + EPS;
            float minus = v - EPS;
            values[k] = plus;
            double lossPlus = loss.getAsDouble();
            crossed[k] = !Arrays.equals(signs, signs(buffers));
            values[k] = minus;
            double lossMinus = loss.getAsDouble();
            crossed[k] |= !Arrays.equals(signs, signs(buffers));
            values[k] = v;
            // Divide by the step float rounding actually took, not by 2 eps.
            gradient[k] = (lossPlus - lossMinus) / ((double) plus - (double) minus);
        }
        return new Numeric(gradient, crossed);
    }

    /**
     * The float[] fields the generated class itself declares (layer outputs, gradients, scratch), and
     * the rows of its float[][] fields (the same buffers in the FEATURES layout).
     */
    private static List<float[]> intermediateBuffers(Network network) {
        List<float[]> buffers = new ArrayList<>();
        for (Field field : network.getClass().getDeclaredFields()) {
            boolean flat = field.getType() == float[].class;
            if ((flat || field.getType() == float[][].class) && !Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                try {
                    if (flat) {
                        buffers.add((float[]) field.get(network));
                    } else {
                        buffers.addAll(Arrays.asList((float[][]) field.get(network)));
                    }
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return buffers;
    }

    private static boolean[] signs(List<float[]> buffers) {
        int n = buffers.stream().mapToInt(b -> b.length).sum();
        boolean[] signs = new boolean[n];
        int k = 0;
        for (float[] buffer : buffers) {
            for (float v : buffer) {
                signs[k++] = v > 0f;
            }
        }
        return signs;
    }

    /** Describes parameter {@code k} as {@code layer 'hidden' Dense(units = 4), weight[5] (flat 5)}. */
    public static IntFunction<String> parameterNames(NetworkInfo info) {
        return k -> {
            LayerInfo layer = info.layerOfParameter(k);
            if (layer == null) {
                return "parameter " + k + " of no layer";
            }
            for (Tensor t : layer.tensors()) {
                if (k >= t.offset() && k < t.offset() + t.size()) {
                    return "layer '" + layer.name() + "' " + layer.kind() + ", " + t.name() + "[" + (k - t.offset())
                            + "] (flat " + k + ")";
                }
            }
            throw new AssertionError("layerOfParameter(" + k + ") gave " + layer.name() + ", which does not hold it");
        };
    }

    /** Describes input entry {@code k} as {@code input[sample 1, 4]}. */
    public static IntFunction<String> inputNames(NetworkInfo info) {
        int width = info.inputSize();
        return k -> "input[sample " + k / width + ", " + k % width + "]";
    }

    /**
     * The outcome of one comparison.
     *
     * @param report one line: what was checked, how many entries, the max difference and the first bad entry
     * @param bad how many entries are outside the tolerance
     * @param firstBad index of the first bad entry, -1 if none
     * @param maxDifference the largest |analytic - numeric| among the entries held to the tolerance
     * @param maxMagnitude the largest |numeric|
     */
    public record Result(String report, int bad, int firstBad, double maxDifference, double maxMagnitude) {
        /** Whether every entry is within tolerance. */
        public boolean ok() {
            return bad == 0;
        }

        /** This result, or an AssertionError with the report. */
        public Result orThrow() {
            if (!ok()) {
                throw new AssertionError(report);
            }
            return this;
        }

        /** This result, or an AssertionError if every gradient is about 0: such a check proves nothing. */
        public Result requireNonZero() {
            if (!(maxMagnitude > 10 * ABSOLUTE)) {
                throw new AssertionError(report + "; but every gradient is about 0, so the check proves nothing");
            }
            return this;
        }
    }

    /** Compares an analytic gradient with a numeric one entry by entry (llm.c's check_tensor). */
    public static Result compare(String what, float[] analytic, double[] numeric, IntFunction<String> name) {
        return compare(what, analytic, Numeric.of(numeric), name);
    }

    /** As above; entries that crossed a kink are counted but not held to the tolerance. */
    public static Result compare(String what, float[] analytic, Numeric numeric, IntFunction<String> name) {
        double[] n = numeric.gradient();
        if (analytic.length != n.length) {
            throw new AssertionError(what + ": analytic has " + analytic.length + " entries, numeric " + n.length);
        }
        int bad = 0;
        int firstBad = -1;
        int kinks = 0;
        int worst = -1;
        double maxDifference = 0;
        double maxMagnitude = 0;
        for (int k = 0; k < analytic.length; k++) {
            maxMagnitude = Math.max(maxMagnitude, Math.abs(n[k]));
            double difference = Math.abs(analytic[k] - n[k]);
            boolean within = difference <= ABSOLUTE + RELATIVE * Math.max(Math.abs(analytic[k]), Math.abs(n[k]));
            if (!within && numeric.crossedKink()[k]) {
                kinks++;
                continue;
            }
            if (!within) {
                bad++;
                if (firstBad < 0) {
                    firstBad = k;
                }
            }
            if (!(difference <= maxDifference)) {
                maxDifference = difference;
                worst = k;
            }
        }
        boolean tooManyKinks = kinks * 10 > analytic.length;
        StringBuilder report = new StringBuilder(what).append(": ")
                .append(bad == 0 && !tooManyKinks ? "OK" : "NOT OK, " + bad + " of " + analytic.length + " entries bad")
                .append(String.format(Locale.ROOT, "; %d entries, max |analytic - numeric| = %.3g", analytic.length,
                        maxDifference));
        if (worst >= 0) {
            report.append(" at ").append(name.apply(worst));
        }
        if (firstBad >= 0) {
            report.append(String.format(Locale.ROOT, "; first bad: %s, analytic %.6g, numeric %.6g",
                    name.apply(firstBad), analytic[firstBad], n[firstBad]));
        }
        if (kinks > 0) {
            report.append("; ").append(kinks).append(" entries across a kink, not compared")
                    .append(tooManyKinks ? " (more than a tenth: the check proves too little)" : "");
        }
        return new Result(report.toString(), tooManyKinks ? Math.max(bad, 1) : bad, firstBad, maxDifference,
                maxMagnitude);
    }
}
