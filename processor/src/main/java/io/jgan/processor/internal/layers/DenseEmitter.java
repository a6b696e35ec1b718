package io.jgan.processor.internal.layers;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.CodeBlock;
import io.jgan.processor.spi.Attribute;
import io.jgan.processor.spi.LayerCode;
import io.jgan.processor.spi.LayerEmitter;
import io.jgan.processor.spi.LayerKernel;
import io.jgan.processor.spi.LayerSpec;
import io.jgan.processor.spi.Layout;
import io.jgan.processor.spi.ParameterShape;
import io.jgan.processor.spi.RuntimeApi;
import io.jgan.processor.spi.Shape;
import java.util.List;

/**
 * {@code @Dense(units, bias)}: {@code y = x W + b} ({@code y = x W} without bias), W stored [in][out];
 * any input shape is read as its flat values. Three shapes of code:
 * <ul>
 * <li>small layers (at most {@value #UNROLL_LIMIT} weights, at most {@value #UNROLL_MAX_SIDE} inputs and
 *     outputs): unrolled straight-line code, parameters and parameter-gradient sums in locals. They
 *     prefer the {@link Layout#FEATURES} layout: then the forward pass and the input gradient are
 *     one loop over the batch per output (input), {@code y0[b] = bias0 + x0[b] * w0_0 + ...}, which
 *     C2 vectorises, where [batch, width] gives a few scalar statements per sample;
 * <li>large layers (at least {@value #KERNEL_MIN_UNITS} units, with or without a bias): calls to a runtime
 *     {@code DenseKernel} kept in a field, which blocks the products so that C2 vectorises them and
 *     splits them over the network's {@code parallel} threads by output (deterministically);
 * <li>the rest (a few units over many inputs, such as a discriminator's last layer): plain loops.
 * </ul>
 */
@AutoService(LayerEmitter.class)
public final class DenseEmitter extends LayerEmitter {
    /** Above this many weights a layer is emitted as loops, keeping methods far below 8000 bytes. */
    static final int UNROLL_LIMIT = 128;
    /**
     * Nor is a layer with more than this many inputs or outputs: per-input and per-output code (loads,
     * bias gradients, sums) grows the method too, so a 1 x 128 layer would pass 8000 bytes.
     */
    static final int UNROLL_MAX_SIDE = 32;
    /** Layers this wide and not unrolled use the runtime kernel: narrower ones cannot fill a vector. */
    static final int KERNEL_MIN_UNITS = 16;

    static final Attribute<Integer> UNITS = Attribute.ofInt("units");
    static final Attribute<Boolean> BIAS = Attribute.ofBoolean("bias");

    @Override
    public String annotationType() {
        return "io.jgan.annotations.Dense";
    }

    @Override
    public Shape outputShape(LayerSpec layer) {
        int units = layer.get(UNITS);
        if (units < 1) {
            layer.error(UNITS, LayerMessage.DENSE_UNITS.format(layer.name(), units));
        }
        return Shape.flat(units);
    }

    @Override
    public List<ParameterShape> parameters(LayerSpec layer) {
        int in = layer.inputWidth();
        int out = layer.get(UNITS);
        ParameterShape weight = new ParameterShape("weight", List.of(out, in), true);
        if (!layer.get(BIAS)) {
            return List.of(weight);
        }
        return List.of(weight, new ParameterShape("bias", List.of(out), false));
    }

    @Override
    public String describe(LayerSpec layer) {
        return "Dense(units = " + layer.get(UNITS) + (layer.get(BIAS) ? "" : ", bias = false") + ")";
    }

    /** Weights and bias in one draw, in storage order, as PyTorch's {@code nn.Linear} draws them. */
    @Override
    public CodeBlock initialize(LayerCode code) {
        int in = code.layer().inputWidth();
        int out = code.outputWidth();
        return CodeBlock.of("$T.linear($L, $L, $L, $L, rng);\n", RuntimeApi.INIT, code.params(), code.offset("weight"),
                in * out + (hasBias(code) ? out : 0), in);
    }

    private static boolean hasBias(LayerCode code) {
        return code.layer().get(BIAS);
    }

    private static boolean unrolled(LayerCode code) {
        return unrolled(code.layer().inputWidth(), code.outputWidth());
    }

    private static boolean unrolled(int in, int out) {
        return in * out <= UNROLL_LIMIT && in <= UNROLL_MAX_SIDE && out <= UNROLL_MAX_SIDE;
    }

    /**
     * Unrolled layers with a bias are written for either layout (the runtime's batch sums include a
     * bias), the others for {@link Layout#SAMPLES} only.
     */
    @Override
    public List<Layout> layouts(LayerSpec layer) {
        if (unrolled(layer.inputWidth(), layer.get(UNITS)) && layer.get(BIAS)) {
            return List.of(Layout.FEATURES, Layout.SAMPLES);
        }
        return List.of(Layout.SAMPLES);
    }

    /** Large layers, with or without a bias, run on the runtime kernel. */
    private static boolean kernelized(LayerCode code) {
        return !unrolled(code) && code.outputWidth() >= KERNEL_MIN_UNITS;
    }

    @Override
    public LayerKernel kernel(LayerCode code) {
        if (!kernelized(code)) {
            return null;
        }
        return new LayerKernel(RuntimeApi.DENSE_KERNEL, CodeBlock.of("new $T($L, $L, $L, $L, maxBatch)",
                RuntimeApi.DENSE_KERNEL, code.layer().inputWidth(), code.outputWidth(), code.offset("weight"),
                hasBias(code) ? code.offset("bias") : "-1"));
    }

    @Override
    public CodeBlock forward(LayerCode code) {
        int in = code.layer().inputWidth();
        int out = code.outputWidth();
        if (kernelized(code)) {
            return CodeBlock.of("$N.forward($L, $N, $L, $N, batch);\n", code.kernel(), code.pool(), code.input(),
                    code.params(), code.output());
        }
        if (code.layout() == Layout.FEATURES) {
            return forwardFeatures(code);
        }
        CodeBlock.Builder c = CodeBlock.builder()
                .addStatement("final float[] x = $N", code.input())
                .addStatement("final float[] y = $N", code.output())
                .addStatement("final float[] p = $L", code.params());
        if (unrolled(code)) {
            loadParameters(c, code, hasBias(code));
        }
        c.beginControlFlow("for (int b = 0; b < batch; b++)");
        String xb = rowStart(c, "xb", in);
        String yb = rowStart(c, "yb", out);
        if (unrolled(code)) {
            loadRow(c, "x", xb, in);
            for (int o = 0; o < out; o++) {
                CodeBlock.Builder sum = CodeBlock.builder();
                if (hasBias(code)) {
                    sum.add("bias$L", o);
                }
                for (int i = 0; i < in; i++) {
                    sum.add(i == 0 && !hasBias(code) ? "x$L * w$L_$L" : " + x$L * w$L_$L", i, i, o);
                }
                c.addStatement("y[$L] = $L", index(yb, o), sum.build());
            }
        } else {
            if (out == 1) {
                c.addStatement("y[$L] = $L", yb, hasBias(code) ? CodeBlock.of("p[$L]", code.offset("bias")) : "0f");
            } else if (hasBias(code)) {
                c.addStatement("$T.arraycopy(p, $L, y, $L, $L)", System.class, code.offset("bias"), yb, out);
            } else {
                c.addStatement("$T.fill(y, $L, $L + $L, 0f)", java.util.Arrays.class, yb, yb, out);
            }
            String i = open(c, "i", in);
            c.addStatement("final float xi = x[$L]", plus(xb, i))
                    .addStatement("final int w = $L", weightRow(code, i));
            String o = open(c, "o", out);
            c.addStatement("y[$L] += xi * p[$L]", plus(yb, o), plus("w", o));
            close(c, out);
            close(c, in);
        }
        return c.endControlFlow().build();
    }

    @Override
    public CodeBlock backward(LayerCode code) {
        int in = code.layer().inputWidth();
        int out = code.outputWidth();
        if (kernelized(code)) {
            return CodeBlock.of("$N.backward($L, $N, $N, $L, $L, $L, batch);\n", code.kernel(), code.pool(),
                    code.input(), code.outputGradient(), code.params(),
                    code.parameterGradients() ? code.grads() : "null",
                    code.inputGradients() ? code.inputGradient() : "null");
        }
        if (code.layout() == Layout.FEATURES) {
            return backwardFeatures(code);
        }
        boolean bias = hasBias(code);
        CodeBlock.Builder c = CodeBlock.builder();
        c.addStatement("final float[] dy = $N", code.outputGradient());
        if (code.parameterGradients()) {
            c.addStatement("final float[] x = $N", code.input()).addStatement("final float[] g = $L", code.grads());
        }
        if (code.inputGradients()) {
            c.addStatement("final float[] dx = $N", code.inputGradient())
                    .addStatement("final float[] p = $L", code.params());
        }
        if (unrolled(code)) {
            if (code.parameterGradients()) {
                // Sums over the batch in locals, added to grads once: the loop then has no loads and
                // stores of grads that the JIT must keep in order.
                for (int o = 0; o < out && bias; o++) {
                    c.addStatement("float gBias$L = 0f", o);
                }
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        c.addStatement("float gW$L_$L = 0f", i, o);
                    }
                }
            }
            if (code.inputGradients()) {
                loadParameters(c, code, false);
            }
        }
        c.beginControlFlow("for (int b = 0; b < batch; b++)");
        String xb = rowStart(c, "xb", in);
        String yb = rowStart(c, "yb", out);
        if (unrolled(code)) {
            loadRow(c, "dy", yb, out);
            if (code.parameterGradients()) {
                loadRow(c, "x", xb, in);
                for (int o = 0; o < out && bias; o++) {
                    c.addStatement("gBias$L += dy$L", o, o);
                }
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        c.addStatement("gW$L_$L += x$L * dy$L", i, o, i, o);
                    }
                }
            }
            if (code.inputGradients()) {
                for (int i = 0; i < in; i++) {
                    CodeBlock.Builder sum = CodeBlock.builder();
                    for (int o = 0; o < out; o++) {
                        sum.add(o == 0 ? "w$L_$L * dy$L" : " + w$L_$L * dy$L", i, o, o);
                    }
                    c.addStatement("dx[$L] = $L", index(xb, i), sum.build());
                }
            }
            c.endControlFlow();
            if (code.parameterGradients()) {
                for (int o = 0; o < out && bias; o++) {
                    c.addStatement("g[$L] += gBias$L", code.offset("bias", o), o);
                }
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        c.addStatement("g[$L] += gW$L_$L", code.offset("weight", i * out + o), i, o);
                    }
                }
            }
            return c.build();
        }
        if (code.parameterGradients()) {
            if (bias) {
                String o = open(c, "o", out);
                c.addStatement("g[$L] += dy[$L]", plus(code.offset("bias"), o), plus(yb, o));
                close(c, out);
            }
            String i = open(c, "i", in);
            c.addStatement("final float xi = x[$L]", plus(xb, i))
                    .addStatement("final int w = $L", weightRow(code, i));
            String o = open(c, "o", out);
            c.addStatement("g[$L] += xi * dy[$L]", plus("w", o), plus(yb, o));
            close(c, out);
            close(c, in);
        }
        if (code.inputGradients()) {
            String i = open(c, "i", in);
            c.addStatement("final int w = $L", weightRow(code, i))
                    .addStatement("float sum = 0f");
            String o = open(c, "o", out);
            c.addStatement("sum += p[$L] * dy[$L]", plus("w", o), plus(yb, o));
            close(c, out);
            c.addStatement("dx[$L] = sum", plus(xb, i));
            close(c, in);
        }
        return c.endControlFlow().build();
    }

    /**
     * An unrolled layer's forward pass in {@link Layout#FEATURES}: per output, one loop over the batch.
     * The sums are the same expressions, in the same order, as in {@link Layout#SAMPLES}, so the two
     * layouts give the same floats.
     */
    private static CodeBlock forwardFeatures(LayerCode code) {
        int in = code.layer().inputWidth();
        int out = code.outputWidth();
        CodeBlock.Builder c = CodeBlock.builder();
        loadRows(c, "x", code.input(), in);
        c.addStatement("final float[] p = $L", code.params());
        loadParameters(c, code, true);
        for (int o = 0; o < out; o++) {
            CodeBlock.Builder sum = CodeBlock.builder().add("bias$L", o);
            for (int i = 0; i < in; i++) {
                sum.add(" + x$L[b] * w$L_$L", i, i, o);
            }
            c.addStatement("final float[] y$L = $N[$L]", o, code.output(), o)
                    .beginControlFlow("for (int b = 0; b < batch; b++)")
                    .addStatement("y$L[b] = $L", o, sum.build())
                    .endControlFlow();
        }
        return c.build();
    }

    /**
     * An unrolled layer's backward pass in {@link Layout#FEATURES}: the input gradient is one
     * vectorised loop over the batch per input; the parameter gradients are sums over the batch:
     * with the Vector API, dot products in the runtime's {@code BatchSums}; without it, one scalar
     * loop with every sum in a local (C2 vectorises a float sum only in its exact order, which is
     * slower than scalar code).
     */
    private static CodeBlock backwardFeatures(LayerCode code) {
        int in = code.layer().inputWidth();
        int out = code.outputWidth();
        CodeBlock.Builder c = CodeBlock.builder();
        loadRows(c, "dy", code.outputGradient(), out);
        // The input gradient first, so that its weights are dead before the parameter-gradient loop,
        // which needs a register for every sum: the other way round, a 5 x 5 layer's backward pass
        // over 500 samples took 4.3 us of CPU instead of 2.6.
        if (code.inputGradients()) {
            c.addStatement("final float[] p = $L", code.params());
            loadParameters(c, code, false);
            for (int i = 0; i < in; i++) {
                CodeBlock.Builder sum = CodeBlock.builder();
                for (int o = 0; o < out; o++) {
                    sum.add(o == 0 ? "w$L_$L * dy$L[b]" : " + w$L_$L * dy$L[b]", i, o, o);
                }
                c.addStatement("final float[] dx$L = $N[$L]", i, code.inputGradient(), i)
                        .beginControlFlow("for (int b = 0; b < batch; b++)")
                        .addStatement("dx$L[b] = $L", i, sum.build())
                        .endControlFlow();
            }
        }
        if (code.parameterGradients()) {
            // Sums over the batch: C2 leaves them scalar, the Vector API (if the JVM has it) does not.
            c.beginControlFlow("if ($T.vectorised())", RuntimeApi.BATCH_SUMS)
                    .addStatement("$T.dense($N, $N, $L, $L, $L, batch)", RuntimeApi.BATCH_SUMS, code.input(),
                            code.outputGradient(), code.grads(), code.offset("weight"), code.offset("bias"))
                    .nextControlFlow("else");
            loadRows(c, "x", code.input(), in);
            c.addStatement("final float[] g = $L", code.grads());
            for (int o = 0; o < out; o++) {
                c.addStatement("float gBias$L = 0f", o);
            }
            for (int i = 0; i < in; i++) {
                for (int o = 0; o < out; o++) {
                    c.addStatement("float gW$L_$L = 0f", i, o);
                }
            }
            c.beginControlFlow("for (int b = 0; b < batch; b++)");
            for (int o = 0; o < out; o++) {
                c.addStatement("final float d$L = dy$L[b]", o, o);
            }
            for (int i = 0; i < in; i++) {
                c.addStatement("final float v$L = x$L[b]", i, i);
            }
            for (int o = 0; o < out; o++) {
                c.addStatement("gBias$L += d$L", o, o);
            }
            for (int i = 0; i < in; i++) {
                for (int o = 0; o < out; o++) {
                    c.addStatement("gW$L_$L += v$L * d$L", i, o, i, o);
                }
            }
            c.endControlFlow();
            for (int o = 0; o < out; o++) {
                c.addStatement("g[$L] += gBias$L", code.offset("bias", o), o);
            }
            for (int i = 0; i < in; i++) {
                for (int o = 0; o < out; o++) {
                    c.addStatement("g[$L] += gW$L_$L", code.offset("weight", i * out + o), i, o);
                }
            }
            c.endControlFlow();
        }
        return c.build();
    }

    /** {@code final float[] x0 = rows[0]; ...}: the feature arrays of a {@link Layout#FEATURES} buffer. */
    private static void loadRows(CodeBlock.Builder c, String prefix, String rows, int n) {
        for (int k = 0; k < n; k++) {
            c.addStatement("final float[] $L$L = $N[$L]", prefix, k, rows, k);
        }
    }

    /**
     * {@code final float w0_1 = p[..]; ...} (and {@code bias0 ...} with {@code bias}): an unrolled
     * layer's parameters in locals before the batch loop. Read through {@code p} inside the loop,
     * they would be reloaded every sample, since the JIT cannot rule out that the stores to the
     * output array change them.
     */
    private static void loadParameters(CodeBlock.Builder c, LayerCode code, boolean bias) {
        int in = code.layer().inputWidth();
        int out = code.outputWidth();
        for (int i = 0; i < in; i++) {
            for (int o = 0; o < out; o++) {
                c.addStatement("final float w$L_$L = p[$L]", i, o, code.offset("weight", i * out + o));
            }
        }
        if (bias) {
            for (int o = 0; o < out; o++) {
                c.addStatement("final float bias$L = p[$L]", o, code.offset("bias", o));
            }
        }
    }

    /** {@code final float x0 = x[xb]; final float x1 = x[xb + 1]; ...}: one row into locals. */
    private static void loadRow(CodeBlock.Builder c, String array, String base, int n) {
        for (int k = 0; k < n; k++) {
            c.addStatement("final float $L$L = $L[$L]", array, k, array, index(base, k));
        }
    }

    /**
     * Where sample {@code b}'s row of {@code width} values starts: {@code b} itself for one value,
     * else a local {@code name = b * width} declared in {@code c}.
     */
    private static String rowStart(CodeBlock.Builder c, String name, int width) {
        if (width == 1) {
            return "b";
        }
        c.addStatement("final int $L = b * $L", name, width);
        return name;
    }

    /** The start of weight row {@code i} ([in][out] storage): {@code HIDDEN_WEIGHT + i * 64}. */
    private static CodeBlock weightRow(LayerCode code, String i) {
        int out = code.outputWidth();
        if (i.equals("0")) {
            return code.offset("weight");
        }
        return CodeBlock.of("$L + $L", code.offset("weight"), out == 1 ? i : i + " * " + out);
    }

    /** Opens {@code for (int v = 0; v < n; v++)} and returns {@code v}; for n = 1 opens nothing and returns "0". */
    private static String open(CodeBlock.Builder c, String v, int n) {
        if (n == 1) {
            return "0";
        }
        c.beginControlFlow("for (int $L = 0; $L < $L; $L++)", v, v, n, v);
        return v;
    }

    private static void close(CodeBlock.Builder c, int n) {
        if (n > 1) {
            c.endControlFlow();
        }
    }

    /** {@code base + k}, or {@code base} when k is "0". */
    private static String plus(Object base, String k) {
        return k.equals("0") ? base.toString() : base + " + " + k;
    }

    private static String index(String base, int k) {
        return k == 0 ? base : base + " + " + k;
    }
}
