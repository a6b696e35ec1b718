package io.jgan.testing;

import io.jgan.runtime.generated.LayerInfo;
import io.jgan.runtime.Network;
import io.jgan.runtime.NetworkInfo;
import io.jgan.runtime.Rng;
import io.jgan.runtime.generated.Tensor;
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
 * numeric gradient is the central difference {@code (L(v + h) - L(v - h)) / (2 h)} with
 * {@code h = EPS * max(1, |v|)}, L summed in double and divided by the step float rounding actually
 * took. Dropout draws from a generator reset to the same seed before every forward pass, so every pass
 * sees the same mask.
 *
 * <p>Tolerance: an entry is bad when {@code |analytic - numeric| > absolute + relative * max(|analytic|,
 * |numeric|)} ({@link Tolerance#DEFAULT}: 2e-4 and 1e-2). The network runs in float32, so a central
 * difference carries a rounding error of order {@code 1e-7 |L| / h}, about 4e-5 on small networks; a
 * gradient read from a wrong index is off by the size of a gradient (1e-3 to 1).
 *
 * <p>Kinks: ReLU's and LeakyReLU's derivative jumps where the input crosses 0, and so does ELU's when
 * alpha is not 1; a central difference across that point measures neither side. The check watches the
 * sign of every intermediate value the generated class buffers; an entry whose perturbation flipped one
 * is not held to the tolerance, only counted, and the check fails if more than a tenth of the entries are
 * such (then the step is too large for the data, or the inputs sit on the kinks).
 *
 * <p>Typical use in a JUnit test:
 * <pre>{@code
 * Network d = Networks.discriminator(MySpec.class, 3);
 * d.initialize(new Rng(1));
 * GradientCheck check = new GradientCheck(d, 3, 42);
 * check.checkParameters(); // throws AssertionError with a one-line report when wrong
 * check.checkInput();
 * }</pre>
 */
public final class GradientCheck {
    /** Relative step of the central difference. */
    public static final float EPS = 1e-3f;

    private final Network network;
    private final int batch;
    private final float[] input;
    private final float[] outputCoefficients;
    private final long dropoutSeed;
    private final int[] labels;
    private final Tolerance tolerance;

    /**
     * How far an analytic derivative may be from the numeric one: {@code absolute + relative *
     * max(|analytic|, |numeric|)}.
     *
     * @param absolute allowed absolute difference, for derivatives near 0
     * @param relative allowed difference relative to the larger magnitude
     */
    public record Tolerance(double absolute, double relative) {
        /** 2e-4 absolute and 1e-2 relative: right for float32 networks of a few layers. */
        public static final Tolerance DEFAULT = new Tolerance(2e-4, 1e-2);

        /**
         * Checks the bounds.
         *
         * @param absolute see the record description
         * @param relative see the record description
         * @throws IllegalArgumentException if either is negative or not finite
         */
        public Tolerance {
            if (!(absolute >= 0 && relative >= 0) || !Double.isFinite(absolute) || !Double.isFinite(relative)) {
                throw new IllegalArgumentException("tolerance bounds must be finite and >= 0, got absolute "
                        + absolute + ", relative " + relative);
            }
        }

        /**
         * Whether {@code analytic} is close enough to {@code numeric}.
         *
         * @param analytic the derivative from the backward pass
         * @param numeric the central difference
         * @return true if within tolerance; false also when either is NaN
         */
        public boolean accepts(double analytic, double numeric) {
            return Math.abs(analytic - numeric)
                    <= absolute + relative * Math.max(Math.abs(analytic), Math.abs(numeric));
        }
    }

    /**
     * A probe of {@code network} on {@code batch} samples: inputs, loss coefficients and dropout seed
     * all drawn from {@code seed}, compared with {@link Tolerance#DEFAULT}.
     *
     * @param network the network to check; its parameters are perturbed and restored
     * @param batch samples per pass, at least 1 (use more than 1: a backward pass that forgets to
     *        accumulate over samples passes with one)
     * @param seed seed of the inputs and loss coefficients
     */
    public GradientCheck(Network network, int batch, long seed) {
        this(network, batch, seed, Tolerance.DEFAULT);
    }

    private GradientCheck(Network network, int batch, long seed, Tolerance tolerance) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be at least 1, got " + batch);
        }
        this.network = network;
        this.batch = batch;
        this.tolerance = tolerance;
        Rng rng = new Rng(seed);
        this.input = awayFromZero(rng, batch * network.info().inputSize());
        this.outputCoefficients = awayFromZero(rng, network.outputBatch(batch) * network.info().outputSize());
        this.dropoutSeed = rng.nextLong();
        this.labels = labels(rng, batch, network.info().classes());
    }

    /** A conditional network's labels (drawn after everything else, so unconditional probes stay as they were). */
    private static int[] labels(Rng rng, int batch, int classes) {
        int[] labels = new int[classes == 0 ? 0 : batch];
        for (int b = 0; b < labels.length; b++) {
            labels[b] = rng.nextInt(classes);
        }
        return labels;
    }

    private GradientCheck(GradientCheck probe, Tolerance tolerance) {
        this.network = probe.network;
        this.batch = probe.batch;
        this.input = probe.input;
        this.outputCoefficients = probe.outputCoefficients;
        this.dropoutSeed = probe.dropoutSeed;
        this.labels = probe.labels;
        this.tolerance = tolerance;
    }

    /**
     * The same probe (same inputs and coefficients) held to another tolerance.
     *
     * @param tolerance the tolerance of {@link #checkParameters()} and {@link #checkInput()}
     * @return a new probe
     */
    public GradientCheck withTolerance(Tolerance tolerance) {
        return new GradientCheck(this, tolerance);
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

    /**
     * The probe's inputs, shared: a caller may read them or perturb them itself.
     *
     * @return the inputs, [batch, inputSize]
     */
    public float[] input() {
        return input;
    }

    /**
     * The loss at the current parameters and inputs, summed in double.
     *
     * @return {@code sum_k c_k out_k}
     */
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
        return network.info().conditional() ? network.forward(input, labels, batch) : network.forward(input, batch);
    }

    /**
     * The probe's labels, for a conditional network (shared: a caller may set them); empty otherwise.
     *
     * @return the labels, [batch], each in [0, classes)
     */
    public int[] labels() {
        return labels;
    }

    /** Runs forward and puts {@code dL/dout = c} into the network's output gradient. */
    public void forwardAndSeedOutputGradient() {
        forward();
        System.arraycopy(outputCoefficients, 0, network.outputGradient(), 0, outputCoefficients.length);
    }

    /**
     * The analytic parameter gradient.
     *
     * @return {@code dL/dparams} from {@link Network#backward()}, starting from zeroed gradients
     */
    public float[] parameterGradient() {
        forwardAndSeedOutputGradient();
        network.zeroGradients();
        network.backward();
        return network.gradients().clone();
    }

    /**
     * The analytic input gradient.
     *
     * @return {@code dL/dinput} from {@link Network#backwardToInput()}
     */
    public float[] inputGradient() {
        forwardAndSeedOutputGradient();
        return Arrays.copyOf(network.backwardToInput(), input.length);
    }

    /**
     * The numeric parameter gradient, perturbing each parameter in place (and restoring it).
     *
     * @return {@code dL/dparams} by central differences
     */
    public Numeric numericParameterGradient() {
        return centralDifferences(network.parameters(), this::loss, network);
    }

    /**
     * The numeric input gradient.
     *
     * @return {@code dL/dinput} by central differences
     */
    public Numeric numericInputGradient() {
        return centralDifferences(input, this::loss, network);
    }

    /**
     * Checks the parameter gradient of this probe's network.
     *
     * @return the result, when it passed
     * @throws AssertionError with the one-line report if an entry is wrong or every gradient is about 0
     */
    public Result checkParameters() {
        return compare(network.info().displayName() + " parameters", parameterGradient(), numericParameterGradient(),
                parameterNames(network.info()), tolerance).orThrow().requireNonZero();
    }

    /**
     * Checks the input gradient of this probe's network (a discriminator's, or a generator's whose
     * first layer takes an input gradient).
     *
     * @return the result, when it passed
     * @throws AssertionError with the one-line report if an entry is wrong or every gradient is about 0
     */
    public Result checkInput() {
        return compare(network.info().displayName() + " input", inputGradient(), numericInputGradient(),
                inputNames(network.info()), tolerance).orThrow().requireNonZero();
    }

    /**
     * A numeric gradient.
     *
     * @param gradient the central differences
     * @param crossedKink per entry: whether its perturbation flipped the sign of a watched intermediate value
     */
    public record Numeric(double[] gradient, boolean[] crossedKink) {
        /**
         * Checks that both arrays have the same length.
         *
         * @param gradient see the record description
         * @param crossedKink see the record description
         * @throws IllegalArgumentException if the lengths differ
         */
        public Numeric {
            if (gradient.length != crossedKink.length) {
                throw new IllegalArgumentException(gradient.length + " gradient entries but " + crossedKink.length
                        + " kink flags");
            }
        }

        /**
         * A numeric gradient computed without kink tracking.
         *
         * @param gradient the central differences
         * @return the numeric gradient, no entry marked as across a kink
         */
        public static Numeric of(double[] gradient) {
            return new Numeric(gradient, new boolean[gradient.length]);
        }
    }

    /**
     * The central difference of {@code loss} with respect to every entry of {@code values}, which it
     * perturbs in place (and restores).
     *
     * @param values the variables: parameters, inputs, or anything {@code loss} reads
     * @param loss computes the loss from the current {@code values}
     * @param watched networks whose intermediate values (the float arrays the generated class declares)
     *        are watched for sign changes, that is for kinks; none to watch nothing
     * @return the numeric gradient
     */
    public static Numeric centralDifferences(float[] values, DoubleSupplier loss, Network... watched) {
        List<float[]> buffers = new ArrayList<>();
        for (Network network : watched) {
            buffers.addAll(intermediateBuffers(network));
        }
        return centralDifferences(values, loss, buffers);
    }

    /**
     * As {@link #centralDifferences(float[], DoubleSupplier, Network...)}, watching the given arrays
     * for sign changes: a hand-written layer passes its pre-activation buffer here.
     *
     * @param values the variables, perturbed in place and restored
     * @param loss computes the loss from the current {@code values}, refreshing the watched arrays
     * @param watched arrays whose entries' signs mark kinks
     * @return the numeric gradient
     */
    public static Numeric centralDifferences(float[] values, DoubleSupplier loss, List<float[]> watched) {
        loss.getAsDouble();
        boolean[] signs = signs(watched);
        double[] gradient = new double[values.length];
        boolean[] crossed = new boolean[values.length];
        for (int k = 0; k < values.length; k++) {
            float v = values[k];
            float h = EPS * Math.max(1f, Math.abs(v));
            float plus = v + h;
            float minus = v - h;
            values[k] = plus;
            double lossPlus = loss.getAsDouble();
            crossed[k] = !Arrays.equals(signs, signs(watched));
            values[k] = minus;
            double lossMinus = loss.getAsDouble();
            crossed[k] |= !Arrays.equals(signs, signs(watched));
            values[k] = v;
            // Divide by the step float rounding actually took, not by 2h.
            gradient[k] = (lossPlus - lossMinus) / ((double) plus - (double) minus);
        }
        return new Numeric(gradient, crossed);
    }

    /**
     * The float[] fields the generated class itself declares (layer outputs, gradients, scratch), and
     * the rows of its float[][] fields (the same buffers in the FEATURES layout). A field that cannot
     * be opened (a class in a named module that does not open its package) is not watched.
     */
    private static List<float[]> intermediateBuffers(Network network) {
        List<float[]> buffers = new ArrayList<>();
        for (Field field : network.getClass().getDeclaredFields()) {
            boolean flat = field.getType() == float[].class;
            if ((flat || field.getType() == float[][].class) && !Modifier.isStatic(field.getModifiers())
                    && field.trySetAccessible()) {
                try {
                    if (flat) {
                        buffers.add((float[]) field.get(network));
                    } else {
                        buffers.addAll(Arrays.asList((float[][]) field.get(network)));
                    }
                } catch (IllegalAccessException e) {
                    throw new AssertionError("cannot read " + field + " though it was made accessible", e);
                }
            }
        }
        buffers.removeIf(b -> b == null);
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

    /**
     * Names parameter entries for reports.
     *
     * @param info the network's description
     * @return a function naming parameter {@code k} as {@code layer 'hidden' Dense(units = 4), weight[5] (flat 5)}
     */
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
            return "parameter " + k + " (layer '" + layer.name() + "' claims it but none of its tensors holds it)";
        };
    }

    /**
     * Names input entries for reports.
     *
     * @param info the network's description
     * @return a function naming input entry {@code k} as {@code input[sample 1, 4]}
     */
    public static IntFunction<String> inputNames(NetworkInfo info) {
        int width = info.inputSize();
        return k -> "input[sample " + k / width + ", " + k % width + "]";
    }

    /**
     * The outcome of one comparison.
     *
     * @param report one line: what was checked, how many entries, the max difference and the first bad entry
     * @param bad how many entries are outside the tolerance (at least 1 when too many crossed a kink)
     * @param firstBad index of the first bad entry, -1 if none
     * @param maxDifference the largest |analytic - numeric| among the entries held to the tolerance
     * @param maxMagnitude the largest |numeric|
     * @param tolerance the tolerance the entries were held to
     */
    public record Result(String report, int bad, int firstBad, double maxDifference, double maxMagnitude,
                         Tolerance tolerance) {
        /**
         * Whether every entry is within tolerance.
         *
         * @return true if no entry is bad
         */
        public boolean ok() {
            return bad == 0;
        }

        /**
         * Fails when the check failed.
         *
         * @return this result, if it is {@link #ok()}
         * @throws AssertionError with the report otherwise
         */
        public Result orThrow() {
            if (!ok()) {
                throw new AssertionError(report);
            }
            return this;
        }

        /**
         * Fails when every gradient is about 0 (ten times the absolute tolerance): such a check proves nothing.
         *
         * @return this result, if some gradient is not about 0
         * @throws AssertionError otherwise
         */
        public Result requireNonZero() {
            if (!(maxMagnitude > 10 * tolerance.absolute())) {
                throw new AssertionError(report + "; but every gradient is about 0, so the check proves nothing");
            }
            return this;
        }
    }

    /**
     * Compares an analytic gradient with a numeric one entry by entry, with {@link Tolerance#DEFAULT}.
     *
     * @param what what is checked, the start of the report
     * @param analytic the gradient from the backward pass
     * @param numeric the central differences, as many entries
     * @param name names entry {@code k} in the report
     * @return the result; call {@link Result#orThrow()} to fail a test with its report
     */
    public static Result compare(String what, float[] analytic, double[] numeric, IntFunction<String> name) {
        return compare(what, analytic, Numeric.of(numeric), name, Tolerance.DEFAULT);
    }

    /**
     * As {@link #compare(String, float[], double[], IntFunction)}, with the given tolerance: for a
     * numeric gradient computed another way, for example from a double-precision reference.
     *
     * @param what what is checked, the start of the report
     * @param analytic the gradient from the backward pass
     * @param numeric the numeric gradient, as many entries
     * @param name names entry {@code k} in the report
     * @param tolerance how close each entry must be
     * @return the result
     */
    public static Result compare(String what, float[] analytic, double[] numeric, IntFunction<String> name,
                                 Tolerance tolerance) {
        return compare(what, analytic, Numeric.of(numeric), name, tolerance);
    }

    /**
     * As {@link #compare(String, float[], double[], IntFunction)}; entries that crossed a kink are
     * counted but not held to the tolerance.
     *
     * @param what what is checked, the start of the report
     * @param analytic the gradient from the backward pass
     * @param numeric the central differences with their kink flags
     * @param name names entry {@code k} in the report
     * @return the result
     */
    public static Result compare(String what, float[] analytic, Numeric numeric, IntFunction<String> name) {
        return compare(what, analytic, numeric, name, Tolerance.DEFAULT);
    }

    /**
     * Compares with the given tolerance; entries that crossed a kink are counted but not held to it,
     * and more than a tenth of such entries make the result bad.
     *
     * @param what what is checked, the start of the report
     * @param analytic the gradient from the backward pass
     * @param numeric the central differences with their kink flags
     * @param name names entry {@code k} in the report
     * @param tolerance how close each entry must be
     * @return the result
     * @throws IllegalArgumentException if the lengths differ
     */
    public static Result compare(String what, float[] analytic, Numeric numeric, IntFunction<String> name,
                                 Tolerance tolerance) {
        double[] n = numeric.gradient();
        if (analytic.length != n.length) {
            throw new IllegalArgumentException(what + ": analytic has " + analytic.length + " entries, numeric "
                    + n.length);
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
            boolean within = tolerance.accepts(analytic[k], n[k]);
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
                maxMagnitude, tolerance);
    }
}
