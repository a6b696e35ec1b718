package io.jgan.runtime.io;

import io.jgan.runtime.generated.LayerInfo;
import io.jgan.runtime.Network;
import io.jgan.runtime.generated.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A network's parameters as PyTorch's {@code nn.Sequential(...).state_dict()} names and lays them
 * out for the same layer list: key {@code <index>.<name>}, where the index counts every layer of
 * the spec (activations and dropout included, as {@code nn.Sequential} does: see
 * {@link LayerInfo#index()}), and a dense weight is [out, in] (jgan stores it transposed, [in, out],
 * so it is transposed back here: see {@link Tensor#transposed()}).
 *
 * <p>A layer's buffers ({@link LayerInfo#buffers()}: a batch norm's {@code running_mean},
 * {@code running_var} and {@code num_batches_tracked}, the last a 0-dimensional array) follow its
 * parameters, as in PyTorch; they are float32 here, and {@code load_state_dict} converts
 * {@code num_batches_tracked} to its int64.
 *
 * <p>So for a generator {@code Dense 256, LeakyReLU, Dense 784, Tanh} the keys are
 * {@code 0.weight} [256, noise], {@code 0.bias} [256], {@code 2.weight} [784, 256], {@code 2.bias}
 * [784], and in Python:
 * <pre>
 * sd = {k: torch.from_numpy(v) for k, v in np.load("weights.npz").items()}
 * nn.Sequential(nn.Linear(100, 256), nn.LeakyReLU(0.2), nn.Linear(256, 784), nn.Tanh()).load_state_dict(sd)
 * </pre>
 */
public final class TorchExport {
    private TorchExport() {}

    /**
     * The state dict: arrays in PyTorch's layout, keyed as {@code nn.Sequential} keys them, in layer order.
     *
     * @param network the network to export
     * @return the arrays by key
     */
    public static Map<String, NpyArray> stateDict(Network network) {
        float[] params = network.parameters();
        Map<String, NpyArray> out = new LinkedHashMap<>();
        for (LayerInfo layer : network.info().layers()) {
            for (Tensor t : layer.tensors()) {
                float[] values = new float[t.size()];
                if (t.transposed()) {
                    if (t.shape().length != 2) {
                        throw new IllegalStateException("a transposed tensor must be 2-dimensional, " + layer.name() + "."
                                + t.name() + " is " + t);
                    }
                    // Stored [in, out] (row = input), exported [out, in].
                    int rows = t.shape()[0], cols = t.shape()[1];
                    for (int r = 0; r < rows; r++) {
                        for (int c = 0; c < cols; c++) {
                            values[r * cols + c] = params[t.offset() + c * rows + r];
                        }
                    }
                } else {
                    System.arraycopy(params, t.offset(), values, 0, values.length);
                }
                out.put(layer.index() + "." + t.name(), NpyArray.of(values, t.shape()));
            }
            for (Tensor t : layer.buffers()) {
                float[] values = java.util.Arrays.copyOfRange(network.state(), t.offset(), t.offset() + t.size());
                out.put(layer.index() + "." + t.name(), NpyArray.of(values, t.shape()));
            }
        }
        return out;
    }

    /**
     * Writes {@link #stateDict} as an uncompressed {@code .npz} (atomically).
     *
     * @param file the .npz file
     * @param network the network to export
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, Network network) throws IOException {
        Npz.write(file, stateDict(network));
    }

    /**
     * Loads a state dict (as {@link #stateDict} makes it, e.g. read back with {@link Npz#read}) into
     * the network's parameters, checking that the keys and shapes are exactly the network's.
     *
     * @param network receives the parameters
     * @param stateDict the arrays by key
     * @throws IllegalArgumentException naming the first missing, extra or misshapen key
     */
    public static void load(Network network, Map<String, NpyArray> stateDict) {
        Map<String, NpyArray> expected = stateDict(network);
        if (!expected.keySet().equals(stateDict.keySet())) {
            throw new IllegalArgumentException(network.info().displayName() + " has the keys " + expected.keySet()
                    + " but the state dict has " + stateDict.keySet());
        }
        float[] params = network.parameters();
        for (LayerInfo layer : network.info().layers()) {
            for (Tensor t : layer.tensors()) {
                String key = layer.index() + "." + t.name();
                NpyArray a = stateDict.get(key);
                if (!java.util.Arrays.equals(a.shape(), t.shape())) {
                    throw new IllegalArgumentException(key + " has shape " + java.util.Arrays.toString(a.shape())
                            + ", " + network.info().displayName() + " needs " + java.util.Arrays.toString(t.shape()));
                }
                float[] values = a.data();
                if (t.transposed()) {
                    int rows = t.shape()[0], cols = t.shape()[1];
                    for (int r = 0; r < rows; r++) {
                        for (int c = 0; c < cols; c++) {
                            params[t.offset() + c * rows + r] = values[r * cols + c];
                        }
                    }
                } else {
                    System.arraycopy(values, 0, params, t.offset(), values.length);
                }
            }
            for (Tensor t : layer.buffers()) {
                String key = layer.index() + "." + t.name();
                float[] values = stateDict.get(key).data();
                if (values.length != t.size()) {
                    throw new IllegalArgumentException(key + " has " + values.length + " values, "
                            + network.info().displayName() + " needs " + t.size());
                }
                System.arraycopy(values, 0, network.state(), t.offset(), values.length);
            }
        }
    }
}
