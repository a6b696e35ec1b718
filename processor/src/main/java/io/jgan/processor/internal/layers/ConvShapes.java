package io.jgan.processor.internal.layers;

import io.jgan.processor.spi.Attribute;
import io.jgan.processor.spi.LayerSpec;

/** The checks and output sizes shared by the convolution emitters. */
final class ConvShapes {
    private ConvShapes() {}

    /** Reports channels, kernel or stride below 1 and padding below 0; whether all are valid. */
    static boolean checkValues(LayerSpec layer, String kind, Attribute<Integer> channels, Attribute<Integer> kernel,
            Attribute<Integer> stride, Attribute<Integer> padding) {
        boolean valid = true;
        for (Attribute<Integer> a : java.util.List.of(channels, kernel, stride)) {
            if (layer.get(a) < 1) {
                layer.error(a, LayerMessage.CONV_VALUE.format(layer.name(), kind, a.name(), "at least 1", layer.get(a)));
                valid = false;
            }
        }
        if (layer.get(padding) < 0) {
            layer.error(padding, LayerMessage.CONV_VALUE.format(layer.name(), kind, padding.name(), "at least 0",
                    layer.get(padding)));
            valid = false;
        }
        return valid;
    }

    /**
     * A convolution's output side {@code (size + 2 padding - kernel) / stride + 1}, reporting a
     * division that is not whole (PyTorch would silently drop the input's last rows) or a side below
     * 1; 0 after a report.
     */
    static int convolved(LayerSpec layer, String side, int size, int kernel, int stride, int padding) {
        long span = (long) size + 2L * padding - kernel;
        String formula = "(" + size + " + 2 * " + padding + " - " + kernel + ") / " + stride + " + 1";
        if (span < 0) {
            layer.error(LayerMessage.CONV_OUTPUT_SIZE.format(layer.name(), side, formula,
                    "is below 1: the kernel is larger than the padded input; use a smaller kernel or more padding"));
            return 0;
        }
        if (span % stride != 0) {
            layer.error(LayerMessage.CONV_OUTPUT_SIZE.format(layer.name(), side, formula,
                    "is not a whole number (PyTorch would ignore the input's last " + span % stride + " rows or"
                            + " columns); change padding, kernel or stride so that the stride divides " + span));
            return 0;
        }
        return (int) (span / stride + 1);
    }

    /**
     * A transposed convolution's output side {@code (size - 1) stride - 2 padding + kernel +
     * outputPadding}, reporting one below 1; 0 after a report.
     */
    static int transposed(LayerSpec layer, String side, int size, int kernel, int stride, int padding,
            int outputPadding) {
        long out = (long) (size - 1) * stride - 2L * padding + kernel + outputPadding;
        if (out < 1 || out > Integer.MAX_VALUE) {
            String formula = "(" + size + " - 1) * " + stride + " - 2 * " + padding + " + " + kernel + " + "
                    + outputPadding + " = " + out;
            layer.error(LayerMessage.CONV_OUTPUT_SIZE.format(layer.name(), side, formula,
                    out < 1 ? "is below 1; use less padding or a larger kernel" : "is too large"));
            return 0;
        }
        return (int) out;
    }
}
