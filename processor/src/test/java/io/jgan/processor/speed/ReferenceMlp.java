package io.jgan.processor.speed;

import io.jgan.runtime.generated.LayerInfo;
import io.jgan.runtime.NetworkInfo;
import io.jgan.runtime.generated.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The oracle for generated dense networks: the same network evaluated plainly in double from the
 * network's own parameters (read through {@link NetworkInfo}'s layout), forward and backward. Knows
 * Dense, LeakyReLU, Tanh and Sigmoid (no dropout: its masks come from the network's random stream).
 */
final class ReferenceMlp {
    private interface Op {}

    private record Dense(int in, int out, int weight, int bias) implements Op {}

    private record Activation(String kind, double slope) implements Op {}

    private final List<Op> ops = new ArrayList<>();
    private final int inputSize;
    private final float[] params;
    /** Activations of the last forward pass: acts.get(k) is the input of op k. */
    private final List<double[]> acts = new ArrayList<>();
    private int batch;

    /** The layers of {@code info}, with {@code slope} for every LeakyReLU. */
    ReferenceMlp(NetworkInfo info, float[] params, double slope) {
        this.inputSize = info.inputSize();
        this.params = params;
        int width = info.inputSize();
        for (LayerInfo layer : info.layers()) {
            String kind = layer.kind();
            if (kind.startsWith("Dense")) {
                Tensor w = layer.tensors().get(0);
                Tensor b = layer.tensors().get(1);
                ops.add(new Dense(width, layer.outputWidth(), w.offset(), b.offset()));
            } else if (kind.startsWith("LeakyReLU")) {
                ops.add(new Activation("leaky", slope));
            } else if (kind.startsWith("Tanh")) {
                ops.add(new Activation("tanh", 0));
            } else if (kind.startsWith("Sigmoid")) {
                ops.add(new Activation("sigmoid", 0));
            } else {
                throw new IllegalArgumentException("the reference does not know " + kind);
            }
            width = layer.outputWidth();
        }
    }

    /** The output for {@code batch} samples. */
    double[] forward(float[] input, int batch) {
        this.batch = batch;
        acts.clear();
        double[] a = new double[batch * inputSize];
        for (int k = 0; k < a.length; k++) {
            a[k] = input[k];
        }
        for (Op op : ops) {
            acts.add(a);
            a = op instanceof Dense d ? dense(d, a) : activate((Activation) op, a);
        }
        acts.add(a);
        return a;
    }

    private double[] dense(Dense d, double[] x) {
        double[] y = new double[batch * d.out];
        for (int b = 0; b < batch; b++) {
            for (int o = 0; o < d.out; o++) {
                double s = params[d.bias + o];
                for (int i = 0; i < d.in; i++) {
                    s += x[b * d.in + i] * params[d.weight + i * d.out + o];
                }
                y[b * d.out + o] = s;
            }
        }
        return y;
    }

    private static double[] activate(Activation f, double[] x) {
        double[] y = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            double v = x[k];
            y[k] = switch (f.kind) {
                case "leaky" -> v > 0 ? v : f.slope * v;
                case "tanh" -> Math.tanh(v);
                default -> 1 / (1 + Math.exp(-v));
            };
        }
        return y;
    }

    /**
     * Backward from the output gradient {@code dy} of the last forward pass: returns the input
     * gradient and adds parameter gradients into {@code grads} (same layout as the parameters).
     */
    double[] backward(float[] outputGradient, double[] grads) {
        double[] d = new double[acts.get(acts.size() - 1).length];
        for (int k = 0; k < d.length; k++) {
            d[k] = outputGradient[k];
        }
        for (int n = ops.size() - 1; n >= 0; n--) {
            double[] x = acts.get(n);
            double[] y = acts.get(n + 1);
            if (ops.get(n) instanceof Dense l) {
                double[] dx = new double[batch * l.in];
                for (int b = 0; b < batch; b++) {
                    for (int o = 0; o < l.out; o++) {
                        double g = d[b * l.out + o];
                        grads[l.bias + o] += g;
                        for (int i = 0; i < l.in; i++) {
                            grads[l.weight + i * l.out + o] += x[b * l.in + i] * g;
                            dx[b * l.in + i] += params[l.weight + i * l.out + o] * g;
                        }
                    }
                }
                d = dx;
            } else {
                Activation f = (Activation) ops.get(n);
                double[] dx = new double[d.length];
                for (int k = 0; k < d.length; k++) {
                    dx[k] = d[k] * switch (f.kind) {
                        case "leaky" -> x[k] > 0 ? 1 : f.slope;
                        case "tanh" -> 1 - y[k] * y[k];
                        default -> y[k] * (1 - y[k]);
                    };
                }
                d = dx;
            }
        }
        return d;
    }
}
