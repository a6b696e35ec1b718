package io.jgan.samples.layers;

import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.LayerSpec;

/**
 * The code of {@link Moments}: a batch of N samples of W values in, one sample of 4 W values out.
 *
 * <p>Forward, per feature, in one pass: the sums of the first four powers of {@code x - shift}
 * (the shift is a value of the batch, so the sums stay small), in double with independent
 * accumulators (500 float values summed in float would lose about four digits, and one accumulator
 * would serialise the loop on its add latency); the mean and the central moments m2, m3, m4 follow
 * from them. Out go {@code mean, sqrt(m2), m3 / m2^1.5, m4 / m2^2 - 3}.
 *
 * <p>Backward, from the output gradients {@code gMean, gStd, gSkew, gKurt}: with {@code d = x - mean}
 * (and sum d = 0), {@code dm2/dx = 2 d / N}, {@code dm3/dx = 3 (d^2 - m2) / N},
 * {@code dm4/dx = 4 (d^3 - m3) / N}, so the input gradient is a cubic in {@code d} whose four
 * coefficients are computed once per feature; the loop over the batch is a Horner evaluation, in
 * float, which C2 vectorises. The moments are recovered from the layer's own output (it is kept
 * until the backward pass), so the layer needs no scratch memory.
 */
public final class MomentsEmitter extends LayerEmitter {
    /** How many statistics each input value gets. */
    static final int STATISTICS = 4;

    @Override
    public String annotationType() {
        return "io.jgan.samples.layers.Moments";
    }

    @Override
    public int outputWidth(LayerSpec layer) {
        return STATISTICS * layer.inputWidth();
    }

    @Override
    public CodeBlock outputBatch(LayerSpec layer, String batch) {
        return CodeBlock.of("1");
    }

    @Override
    public String describe(LayerSpec layer) {
        return "Moments";
    }

    /** The flat index of sample {@code b + k} of feature {@code f}: {@code b + k} when there is one feature. */
    private static String at(int width, int k) {
        String sample = k == 0 ? "b" : "b + " + k;
        if (width == 1) {
            return sample;
        }
        return (k == 0 ? sample : "(" + sample + ")") + " * " + width + " + f";
    }

    /** Opens the loop over features (nothing for one feature) and names the first output index. */
    private static void beginFeatures(CodeBlock.Builder c, int width) {
        if (width > 1) {
            c.beginControlFlow("for (int f = 0; f < $L; f++)", width);
            c.addStatement("final int o = f * $L", STATISTICS);
        } else {
            c.addStatement("final int o = 0");
        }
    }

    private static void endFeatures(CodeBlock.Builder c, int width) {
        if (width > 1) {
            c.endControlFlow();
        }
    }

    @Override
    public CodeBlock forward(LayerCode code) {
        int w = code.layer().inputWidth();
        String n = code.batch();
        CodeBlock.Builder c = CodeBlock.builder()
                .addStatement("final float[] x = $N", code.input())
                .addStatement("final float[] y = $N", code.output());
        beginFeatures(c, w);
        // One pass: the sums of d, d^2, d^3, d^4 for d = x - shift, where the shift is the batch's
        // first value: any value of the batch keeps the shifted sums small, so the central moments
        // derived from them below lose only a few of double's digits, and a second pass for the
        // mean is not needed (500 values: ~0.7 us with two passes). Four samples at a time with
        // their own sums, so that no add waits for the one before.
        c.addStatement("final double shift = x[$L]", w == 1 ? "0" : "f")
                .addStatement("double s1a = 0, s1b = 0, s1c = 0, s1d = 0")
                .addStatement("double s2a = 0, s2b = 0, s2c = 0, s2d = 0")
                .addStatement("double s3a = 0, s3b = 0, s3c = 0, s3d = 0")
                .addStatement("double s4a = 0, s4b = 0, s4c = 0, s4d = 0")
                .addStatement("int b = 0")
                .beginControlFlow("for (; b + 3 < $N; b += 4)", n);
        String[] v = {"d0", "d1", "d2", "d3"};
        String[] acc = {"a", "b", "c", "d"};
        for (int k = 0; k < 4; k++) {
            c.addStatement("final double $L = x[$L] - shift", v[k], at(w, k));
        }
        for (int k = 0; k < 4; k++) {
            c.addStatement("final double $Lsq = $L * $L", v[k], v[k], v[k]);
        }
        for (int k = 0; k < 4; k++) {
            c.addStatement("s1$L += $L", acc[k], v[k])
                    .addStatement("s2$L += $Lsq", acc[k], v[k])
                    .addStatement("s3$L += $Lsq * $L", acc[k], v[k], v[k])
                    .addStatement("s4$L += $Lsq * $Lsq", acc[k], v[k], v[k]);
        }
        c.endControlFlow()
                .beginControlFlow("for (; b < $N; b++)", n)
                .addStatement("final double d = x[$L] - shift", at(w, 0))
                .addStatement("final double d2 = d * d")
                .addStatement("s1a += d")
                .addStatement("s2a += d2")
                .addStatement("s3a += d2 * d")
                .addStatement("s4a += d2 * d2")
                .endControlFlow()
                .add("// Raw moments about the shift, then central moments: m2 = r2 - u^2,\n")
                .add("// m3 = r3 - 3 u r2 + 2 u^3, m4 = r4 - 4 u r3 + 6 u^2 r2 - 3 u^4, with u = mean - shift.\n")
                .addStatement("final double u = (s1a + s1b + (s1c + s1d)) / $N", n)
                .addStatement("final double r2 = (s2a + s2b + (s2c + s2d)) / $N", n)
                .addStatement("final double r3 = (s3a + s3b + (s3c + s3d)) / $N", n)
                .addStatement("final double r4 = (s4a + s4b + (s4c + s4d)) / $N", n)
                .addStatement("final double uu = u * u")
                .add("// Rounding can leave a batch of equal values a tiny negative m2.\n")
                .addStatement("final double m2 = Math.max(0.0, r2 - uu)")
                .addStatement("final double m3 = r3 - 3 * u * r2 + 2 * uu * u")
                .addStatement("final double m4 = r4 - 4 * u * r3 + 6 * uu * r2 - 3 * uu * uu")
                .addStatement("final double std = Math.sqrt(m2)")
                .addStatement("y[o] = (float) (shift + u)")
                .addStatement("y[o + 1] = (float) std")
                .addStatement("y[o + 2] = m2 > 0 ? (float) (m3 / (m2 * std)) : 0f")
                .addStatement("y[o + 3] = m2 > 0 ? (float) (m4 / (m2 * m2) - 3.0) : 0f");
        endFeatures(c, w);
        return c.build();
    }

    @Override
    public CodeBlock backward(LayerCode code) {
        if (!code.inputGradients()) {
            return CodeBlock.of(""); // no parameters: nothing else to compute
        }
        int w = code.layer().inputWidth();
        String n = code.batch();
        CodeBlock.Builder c = CodeBlock.builder()
                .addStatement("final float[] x = $N", code.input())
                .addStatement("final float[] y = $N", code.output())
                .addStatement("final float[] dy = $N", code.outputGradient())
                .addStatement("final float[] dx = $N", code.inputGradient())
                .addStatement("final double inverseN = 1.0 / $N", n);
        beginFeatures(c, w);
        c.addStatement("final double std = y[o + 1]")
                .addStatement("final double m2 = std * std")
                .addStatement("final double m3 = y[o + 2] * m2 * std")
                .addStatement("final double m4 = (y[o + 3] + 3.0) * m2 * m2")
                .addStatement("final double gMean = dy[o]")
                .addStatement("final double gStd = dy[o + 1]")
                .addStatement("final double gSkew = dy[o + 2]")
                .addStatement("final double gKurt = dy[o + 3]")
                .add("// dx = c0 + c1 d + c2 d^2 + c3 d^3, d = x - mean; see the class comment.\n")
                .addStatement("double c0 = gMean * inverseN")
                .addStatement("double c1 = 0, c2 = 0, c3 = 0")
                .beginControlFlow("if (m2 > 0)")
                .addStatement("final double std3 = m2 * std")
                .addStatement("c0 -= (3 * gSkew * m2 / std3 + 4 * gKurt * m3 / (m2 * m2)) * inverseN")
                .addStatement("c1 = (gStd / std - 3 * gSkew * m3 / (std3 * m2) - 4 * gKurt * m4 / (m2 * m2 * m2)) * inverseN")
                .addStatement("c2 = 3 * gSkew / std3 * inverseN")
                .addStatement("c3 = 4 * gKurt / (m2 * m2) * inverseN")
                .endControlFlow()
                .addStatement("final float mean = y[o]")
                .addStatement("final float k0 = (float) c0")
                .addStatement("final float k1 = (float) c1")
                .addStatement("final float k2 = (float) c2")
                .addStatement("final float k3 = (float) c3")
                .beginControlFlow("for (int b = 0; b < $N; b++)", n)
                .addStatement("final float d = x[$L] - mean", at(w, 0))
                .addStatement("dx[$L] = k0 + d * (k1 + d * (k2 + d * k3))", at(w, 0))
                .endControlFlow();
        endFeatures(c, w);
        return c.build();
    }
}
