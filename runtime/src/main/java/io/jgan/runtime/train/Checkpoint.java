package io.jgan.runtime.train;

import io.jgan.runtime.io.AtomicFile;
import io.jgan.runtime.internal.Bytes;
import io.jgan.runtime.io.Checksums;
import io.jgan.runtime.internal.FileErrors;
import io.jgan.runtime.Network;
import io.jgan.runtime.NetworkInfo;
import io.jgan.runtime.Rng;
import io.jgan.runtime.data.ShuffledBatches;
import io.jgan.runtime.optim.Optimizer;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The complete state of a GAN training run in one file, so that a resumed run continues bit for bit.
 *
 * <p>A checkpoint is an ordered set of named entries, each a string or an array of floats, ints or
 * longs. {@link #capture} records what every run has: both networks' parameters and architectures,
 * both optimizers' step counts and buffers (Adam's m and v, SGD's momentum buffer: whatever
 * {@link Optimizer#stateBuffers()} exposes) and the run's {@link Rng}. A caller adds its own entries:
 * the data order ({@link #putData}), settings and logs ({@link #put(String, String)} and friends).
 *
 * <h2>File format (version 1)</h2>
 * All integers big-endian; floats are IEEE 754 binary32 bit patterns, so values round-trip exactly.
 * <pre>
 * offset  size  content
 * 0       8     magic, the ASCII bytes "JGANCKPT"
 * 8       4     format version, 1
 * 12      8     payload length n
 * 20      n     payload
 * 20+n    32    SHA-256 of the payload
 * </pre>
 * The payload is an int32 entry count, then for each entry: int32 name length, the name in UTF-8,
 * one type byte ({@code 'S'} string, {@code 'F'} float[], {@code 'I'} int[], {@code 'L'} long[]), an
 * int32 element count (bytes for a string) and the elements. {@link #capture} writes, for
 * {@code <role>} = {@code generator} and {@code discriminator}:
 * <pre>
 * &lt;role&gt;.spec                     S   the spec's canonical name
 * &lt;role&gt;.architecture             S   {@link NetworkInfo#architecture()}, checked on restore
 * &lt;role&gt;.parameters               F   the flat parameter array
 * &lt;role&gt;.state                    F   the flat state array (running statistics), if the network keeps any
 * &lt;role&gt;.optimizer                S   the optimizer's class name
 * &lt;role&gt;.optimizer.steps          L   [step count]
 * &lt;role&gt;.optimizer.learningRate   L   [Double.doubleToRawLongBits(lr)]
 * &lt;role&gt;.optimizer.buffer.&lt;k&gt;     F   the k-th of {@link Optimizer#stateBuffers()}
 * rng                            L   {@link Rng#state()}
 * </pre>
 * and {@link #putData} writes {@code <prefix>.order} (I), {@code <prefix>.position} (I: epoch,
 * position, batch index, epoch started as 0/1).
 *
 * <p>Files are written with {@link AtomicFile} (a temporary file, then a rename), so a crash leaves
 * the previous checkpoint intact ({@link CheckpointFiles} keeps a distinct previous one). {@link #read}
 * checks the header against the file's length before reading the rest, and refuses a device or a
 * directory, the wrong magic or version, a payload length that does not match the file (truncated or
 * extended), a file too large for the heap, a checksum mismatch, or a malformed payload;
 * {@link #checkArchitecture} and {@link #restore} refuse networks of another shape, optimizers of
 * another kind, and values no run writes even under a valid checksum (non-finite parameters or
 * optimizer buffers, a learning rate that is not positive and finite, a negative step count).
 * Every refusal is a {@link CheckpointException} naming the file and the problem, thrown before
 * anything is modified.
 */
public final class Checkpoint {
    /** The format version this class writes and reads. */
    public static final int VERSION = 1;
    private static final byte[] MAGIC = "JGANCKPT".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 20;
    private static final int DIGEST = 32;
    /** Largest payload: the file must fit one Java array. */
    private static final long MAX_PAYLOAD = Integer.MAX_VALUE - 8 - HEADER - DIGEST;
    private static final int READ_CHUNK = 1 << 20;

    private final Map<String, Object> entries = new LinkedHashMap<>();
    private final String source;

    /** An empty checkpoint, to fill and {@link #write}. */
    public Checkpoint() {
        this("checkpoint (in memory)");
    }

    private Checkpoint(String source) {
        this.source = source;
    }

    /**
     * Records both networks with their optimizers, and the run's random generator. Arrays are copied:
     * training may continue while the checkpoint is written.
     *
     * @param generator the generator
     * @param discriminator the discriminator
     * @param generatorOptimizer the generator's optimizer
     * @param discriminatorOptimizer the discriminator's optimizer
     * @param rng the run's random generator
     * @return the new checkpoint
     */
    public static Checkpoint capture(Network generator, Network discriminator, Optimizer generatorOptimizer,
            Optimizer discriminatorOptimizer, Rng rng) {
        Checkpoint c = new Checkpoint();
        c.putNetwork("generator", generator, generatorOptimizer);
        c.putNetwork("discriminator", discriminator, discriminatorOptimizer);
        c.put("rng", rng.state());
        return c;
    }

    private void putNetwork(String role, Network network, Optimizer optimizer) {
        put(role + ".spec", network.info().spec());
        put(role + ".architecture", network.info().architecture());
        put(role + ".parameters", network.parameters().clone());
        if (network.state().length > 0) {
            put(role + ".state", network.state().clone());
        }
        put(role + ".optimizer", optimizer.getClass().getName());
        put(role + ".optimizer.steps", new long[] {optimizer.stepCount()});
        put(role + ".optimizer.learningRate", new long[] {Double.doubleToRawLongBits(optimizer.learningRate())});
        float[][] buffers = optimizer.stateBuffers();
        for (int k = 0; k < buffers.length; k++) {
            put(role + ".optimizer.buffer." + k, buffers[k].clone());
        }
    }

    /**
     * Checks that this checkpoint holds networks of exactly these architectures.
     *
     * @param generator the generator
     * @param discriminator the discriminator
     * @throws CheckpointException naming the file, the network and both architectures if one differs
     */
    public void checkArchitecture(Network generator, Network discriminator) throws CheckpointException {
        checkArchitecture("generator", generator);
        checkArchitecture("discriminator", discriminator);
    }

    private void checkArchitecture(String role, Network network) throws CheckpointException {
        String saved = getString(role + ".architecture");
        if (!saved.equals(network.info().architecture())) {
            throw new CheckpointException(source + ": wrong architecture: its " + role + " (" + getString(role + ".spec")
                    + ") is\n  " + saved + "\nbut " + network.info().displayName() + " is\n  "
                    + network.info().architecture());
        }
        float[] params = getFloats(role + ".parameters");
        if (params.length != network.parameters().length) {
            throw new CheckpointException(source + ": its " + role + " has " + params.length + " parameters, "
                    + network.info().displayName() + " has " + network.parameters().length);
        }
        requireFinite(role + ".parameters");
        int state = network.state().length;
        if (state > 0) {
            if (!has(role + ".state")) {
                throw new CheckpointException(source + ": its " + role + " has no state, but "
                        + network.info().displayName() + " keeps " + state + " values of state" + damaged());
            }
            float[] savedState = getFloats(role + ".state");
            if (savedState.length != state) {
                throw new CheckpointException(source + ": its " + role + " has " + savedState.length + " values of state, "
                        + network.info().displayName() + " has " + state + damaged());
            }
            requireFinite(role + ".state");
        }
    }

    /** Copies the saved state (running statistics) into the network, if it keeps any. */
    private void restoreState(String role, Network network) throws CheckpointException {
        if (network.state().length > 0) {
            float[] saved = getFloats(role + ".state");
            System.arraycopy(saved, 0, network.state(), 0, saved.length);
        }
    }

    /**
     * Restores parameters, optimizer states and the random generator. Everything is checked before
     * anything is written, so a refused checkpoint leaves the run as it was. Gradients are zeroed.
     *
     * @param generator the generator
     * @param discriminator the discriminator
     * @param generatorOptimizer the generator's optimizer
     * @param discriminatorOptimizer the discriminator's optimizer
     * @param rng the run's random generator
     * @throws CheckpointException if the architectures, optimizer kinds or buffer sizes differ
     */
    public void restore(Network generator, Network discriminator, Optimizer generatorOptimizer,
            Optimizer discriminatorOptimizer, Rng rng) throws CheckpointException {
        checkArchitecture(generator, discriminator);
        checkOptimizer("generator", generatorOptimizer);
        checkOptimizer("discriminator", discriminatorOptimizer);
        long[] rngState = getLongs("rng");
        if (rngState.length != 4 || (rngState[0] | rngState[1] | rngState[2] | rngState[3]) == 0) {
            throw new CheckpointException(source + ": entry rng is not a valid random generator state");
        }
        restoreNetwork("generator", generator, generatorOptimizer);
        restoreNetwork("discriminator", discriminator, discriminatorOptimizer);
        rng.restore(rngState);
    }

    private void checkOptimizer(String role, Optimizer optimizer) throws CheckpointException {
        String saved = getString(role + ".optimizer");
        if (!saved.equals(optimizer.getClass().getName())) {
            throw new CheckpointException(source + ": its " + role + " was trained with " + saved + ", not "
                    + optimizer.getClass().getName());
        }
        requireLength(role + ".optimizer.steps", getLongs(role + ".optimizer.steps"), 1);
        requireLength(role + ".optimizer.learningRate", getLongs(role + ".optimizer.learningRate"), 1);
        long steps = getLongs(role + ".optimizer.steps")[0];
        if (steps < 0) {
            throw new CheckpointException(source + ": impossible content: " + role + " optimizer step count " + steps
                    + damaged());
        }
        double lr = learningRate(role);
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new CheckpointException(source + ": impossible content: " + role + " learning rate " + lr
                    + " (must be positive and finite)" + damaged());
        }
        float[][] buffers = optimizer.stateBuffers();
        for (int k = 0; k < buffers.length; k++) {
            float[] saved2 = getFloats(role + ".optimizer.buffer." + k);
            if (saved2.length != buffers[k].length) {
                throw new CheckpointException(source + ": " + role + " optimizer buffer " + k + " holds " + saved2.length
                        + " values, expected " + buffers[k].length);
            }
            requireFinite(role + ".optimizer.buffer." + k);
        }
        if (has(role + ".optimizer.buffer." + buffers.length)) {
            throw new CheckpointException(source + ": its " + role + " optimizer has more state buffers than "
                    + optimizer.getClass().getSimpleName() + "'s " + buffers.length);
        }
    }

    /**
     * The learning rate an optimizer was saved with.
     *
     * @param role {@code generator} or {@code discriminator}
     * @return the learning rate
     * @throws CheckpointException if the entry is missing or malformed
     */
    public double learningRate(String role) throws CheckpointException {
        long[] bits = getLongs(role + ".optimizer.learningRate");
        requireLength(role + ".optimizer.learningRate", bits, 1);
        return Double.longBitsToDouble(bits[0]);
    }

    /**
     * Checks that a float entry holds only finite values: jgan never writes others (see
     * {@link #write}), so a NaN here means a file damaged and re-signed, or not jgan's.
     *
     * @param name the entry's name
     * @throws CheckpointException naming the first bad index
     */
    public void requireFinite(String name) throws CheckpointException {
        float[] values = getFloats(name);
        if (!io.jgan.runtime.generated.Finite.all(values)) {
            int k = io.jgan.runtime.generated.Finite.firstNonFinite(values);
            throw new CheckpointException(source + ": impossible content: " + name + "[" + k + "] is " + values[k]
                    + damaged());
        }
    }

    private static String damaged() {
        return "; jgan never writes such a checkpoint: the file was changed after it was written. Use another"
                + " checkpoint (e.g. " + CheckpointFiles.PREVIOUS + ") or train again";
    }

    private void requireLength(String name, long[] values, int length) throws CheckpointException {
        if (values.length != length) {
            throw new CheckpointException(source + ": entry " + name + " holds " + values.length + " values, expected "
                    + length);
        }
    }

    private void restoreNetwork(String role, Network network, Optimizer optimizer) throws CheckpointException {
        float[] params = getFloats(role + ".parameters");
        System.arraycopy(params, 0, network.parameters(), 0, params.length);
        restoreState(role, network);
        network.zeroGradients();
        optimizer.setStepCount(getLongs(role + ".optimizer.steps")[0]);
        optimizer.setLearningRate(Double.longBitsToDouble(getLongs(role + ".optimizer.learningRate")[0]));
        float[][] buffers = optimizer.stateBuffers();
        for (int k = 0; k < buffers.length; k++) {
            float[] saved = getFloats(role + ".optimizer.buffer." + k);
            System.arraycopy(saved, 0, buffers[k], 0, saved.length);
        }
    }

    /**
     * Restores only a generator's parameters (to sample from or export a trained network).
     *
     * @param generator receives the parameters
     * @throws CheckpointException if its architecture differs
     */
    public void restoreGenerator(Network generator) throws CheckpointException {
        checkArchitecture("generator", generator);
        float[] params = getFloats("generator.parameters");
        System.arraycopy(params, 0, generator.parameters(), 0, params.length);
        restoreState("generator", generator);
    }

    /**
     * Restores only a discriminator's parameters.
     *
     * @param discriminator receives the parameters
     * @throws CheckpointException if its architecture differs
     */
    public void restoreDiscriminator(Network discriminator) throws CheckpointException {
        checkArchitecture("discriminator", discriminator);
        float[] params = getFloats("discriminator.parameters");
        System.arraycopy(params, 0, discriminator.parameters(), 0, params.length);
        restoreState("discriminator", discriminator);
    }

    /**
     * Records a data order under {@code prefix} (see the class description).
     *
     * @param prefix the entries' name prefix
     * @param state the data order
     */
    public void putData(String prefix, ShuffledBatches.State state) {
        put(prefix + ".order", state.order());
        put(prefix + ".position", new int[] {state.epoch(), state.position(), state.batchIndex(),
            state.epochStarted() ? 1 : 0});
    }

    /**
     * The data order recorded by {@link #putData}.
     *
     * @param prefix the entries' name prefix
     * @return the data order
     * @throws CheckpointException if the entries are missing or malformed
     */
    public ShuffledBatches.State data(String prefix) throws CheckpointException {
        int[] p = getInts(prefix + ".position");
        if (p.length != 4) {
            throw new CheckpointException(source + ": entry " + prefix + ".position holds " + p.length
                    + " values, expected 4");
        }
        return new ShuffledBatches.State(p[0], p[1], p[2], p[3] != 0, getInts(prefix + ".order"));
    }

    /**
     * Adds or replaces a string entry.
     *
     * @param name the entry's name
     * @param value the string
     */
    public void put(String name, String value) {
        entries.put(checkName(name), value);
    }

    /**
     * Adds or replaces a float array entry (not copied).
     *
     * @param name the entry's name
     * @param values the array
     */
    public void put(String name, float[] values) {
        entries.put(checkName(name), values);
    }

    /**
     * Adds or replaces an int array entry (not copied).
     *
     * @param name the entry's name
     * @param values the array
     */
    public void put(String name, int[] values) {
        entries.put(checkName(name), values);
    }

    /**
     * Adds or replaces a long array entry (not copied).
     *
     * @param name the entry's name
     * @param values the array
     */
    public void put(String name, long[] values) {
        entries.put(checkName(name), values);
    }

    private static String checkName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an entry name must not be empty");
        }
        return name;
    }

    /**
     * {@return whether an entry of this name exists}
     *
     * @param name the entry's name
     */
    public boolean has(String name) {
        return entries.containsKey(name);
    }

    /** {@return the entry names, in order} */
    public Set<String> names() {
        return java.util.Collections.unmodifiableSet(entries.keySet());
    }

    /** {@return where this checkpoint came from, as error messages name it} */
    public String source() {
        return source;
    }

    /**
     * A string entry.
     *
     * @param name the entry's name
     * @return the string
     * @throws CheckpointException if missing or of another type
     */
    public String getString(String name) throws CheckpointException {
        return get(name, String.class, "a string");
    }

    /**
     * A float array entry (live).
     *
     * @param name the entry's name
     * @return the array
     * @throws CheckpointException if missing or of another type
     */
    public float[] getFloats(String name) throws CheckpointException {
        return get(name, float[].class, "a float array");
    }

    /**
     * An int array entry (live).
     *
     * @param name the entry's name
     * @return the array
     * @throws CheckpointException if missing or of another type
     */
    public int[] getInts(String name) throws CheckpointException {
        return get(name, int[].class, "an int array");
    }

    /**
     * A long array entry (live).
     *
     * @param name the entry's name
     * @return the array
     * @throws CheckpointException if missing or of another type
     */
    public long[] getLongs(String name) throws CheckpointException {
        return get(name, long[].class, "a long array");
    }

    private <T> T get(String name, Class<T> type, String what) throws CheckpointException {
        Object value = entries.get(name);
        if (value == null) {
            throw new CheckpointException(source + ": entry " + name + " is missing (not a checkpoint of this kind of run?)");
        }
        if (!type.isInstance(value)) {
            throw new CheckpointException(source + ": entry " + name + " is not " + what);
        }
        return type.cast(value);
    }

    /**
     * Atomically writes the checkpoint (see the class description for the format).
     *
     * @param file the file to create or replace
     * @throws IOException if it cannot be written; the old file is then untouched
     */
    public void write(Path file) throws IOException {
        refuseNonFinite(file);
        AtomicFile.write(file, toBytes());
    }

    /**
     * A diverged run must never replace a good checkpoint: parameters and optimizer buffers are
     * checked before anything touches the disk.
     */
    private void refuseNonFinite(Path file) throws CheckpointException {
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            String name = e.getKey();
            if (e.getValue() instanceof float[] f && (name.endsWith(".parameters") || name.contains(".optimizer.buffer."))
                    && !io.jgan.runtime.generated.Finite.all(f)) {
                int k = io.jgan.runtime.generated.Finite.firstNonFinite(f);
                throw new CheckpointException("refusing to write checkpoint " + file + ": " + name + "[" + k + "] is "
                        + f[k] + " (the run diverged); the previous checkpoint is left as it was");
            }
        }
    }

    /** {@return the size of the file {@link #write} writes, in bytes} */
    public long sizeInBytes() {
        long size = 4;
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            size += 4 + e.getKey().getBytes(StandardCharsets.UTF_8).length + 1 + 4 + dataBytes(e.getValue());
        }
        return HEADER + size + DIGEST;
    }

    /** {@return the file's bytes} */
    public byte[] toBytes() {
        List<byte[]> names = new ArrayList<>();
        long size = 4;
        for (Map.Entry<String, Object> e : entries.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            names.add(name);
            size += 4 + name.length + 1 + 4 + dataBytes(e.getValue());
        }
        if (HEADER + size + DIGEST > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("checkpoint of " + size + " bytes is too large (limit 2 GiB)");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) (HEADER + size + DIGEST)).order(ByteOrder.BIG_ENDIAN);
        buf.put(MAGIC).putInt(VERSION).putLong(size);
        buf.putInt(entries.size());
        int i = 0;
        for (Object value : entries.values()) {
            byte[] name = names.get(i++);
            buf.putInt(name.length).put(name);
            if (value instanceof String s) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                buf.put((byte) 'S').putInt(b.length).put(b);
            } else if (value instanceof float[] f) {
                buf.put((byte) 'F').putInt(f.length);
                buf.asFloatBuffer().put(f);
                buf.position(buf.position() + 4 * f.length);
            } else if (value instanceof int[] a) {
                buf.put((byte) 'I').putInt(a.length);
                buf.asIntBuffer().put(a);
                buf.position(buf.position() + 4 * a.length);
            } else {
                long[] l = (long[]) value;
                buf.put((byte) 'L').putInt(l.length);
                buf.asLongBuffer().put(l);
                buf.position(buf.position() + 8 * l.length);
            }
        }
        byte[] bytes = buf.array();
        MessageDigest sha = Checksums.newSha256();
        sha.update(bytes, HEADER, (int) size);
        buf.put(sha.digest());
        return bytes;
    }

    private static long dataBytes(Object value) {
        if (value instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8).length;
        } else if (value instanceof float[] f) {
            return 4L * f.length;
        } else if (value instanceof int[] a) {
            return 4L * a.length;
        }
        return 8L * ((long[]) value).length;
    }

    /**
     * Reads and verifies a checkpoint file.
     *
     * @param file the checkpoint file
     * @return the checkpoint
     * @throws CheckpointException if the file is missing, truncated, corrupted or not a version-1 checkpoint;
     *     the message names the file and the problem
     */
    public static Checkpoint read(Path file) throws IOException {
        String source = "checkpoint " + file;
        if (Files.isDirectory(file)) {
            throw new CheckpointException(source + " is a directory, not a checkpoint file");
        }
        if (!Files.exists(file)) {
            throw new CheckpointException(source + " does not exist: check the path (a run writes checkpoint.jgan"
                    + " in its output directory)");
        }
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(source + " is not a regular file (a device or a pipe?)");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = channel.size();
            // The header first: a wrong or oversized file is refused before its bytes are read.
            ByteBuffer header = ByteBuffer.allocate((int) Math.min(HEADER, length));
            readFully(channel, header, 0);
            long size = checkHeader(header.array(), length, source);
            requireHeapFor(length, source);
            byte[] bytes = new byte[(int) length];
            System.arraycopy(header.array(), 0, bytes, 0, HEADER);
            MessageDigest sha = Checksums.newSha256();
            for (int at = HEADER; at < length; at += READ_CHUNK) {
                int n = (int) Math.min(READ_CHUNK, length - at);
                readFully(channel, ByteBuffer.wrap(bytes, at, n), at);
                sha.update(bytes, at, (int) Math.max(0, Math.min(n, HEADER + size - at)));
            }
            checkDigest(sha, bytes, size, source);
            return parse(bytes, size, source);
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw new CheckpointException("cannot read " + source + ": " + FileErrors.reason(e));
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                throw new java.io.EOFException("the file became shorter while it was read");
            }
            position += n;
        }
    }

    /**
     * A checkpoint is restored from its bytes plus the arrays parsed from them: twice its size. A
     * file that cannot fit is refused with the heap it needs, not with an OutOfMemoryError.
     */
    private static void requireHeapFor(long length, String source) throws CheckpointException {
        Runtime rt = Runtime.getRuntime();
        long needed = 2 * length + (16 << 20);
        if (rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()) < needed) {
            System.gc(); // count only what is live before refusing
            if (rt.maxMemory() - (rt.totalMemory() - rt.freeMemory()) < needed) {
                throw new CheckpointException(source + " is " + Bytes.format(length) + ", too large for this JVM's"
                        + " heap (" + Bytes.format(rt.maxMemory()) + " at most): run java with -Xmx" + (needed * 2 >> 20)
                        + "m or more");
            }
        }
    }

    /**
     * Parses and verifies checkpoint bytes.
     *
     * @param bytes the file's content
     * @param source names them in error messages
     * @return the checkpoint
     * @throws CheckpointException if they are truncated, corrupted or not a version-1 checkpoint
     */
    public static Checkpoint fromBytes(byte[] bytes, String source) throws CheckpointException {
        long size = checkHeader(bytes, bytes.length, source);
        MessageDigest sha = Checksums.newSha256();
        sha.update(bytes, HEADER, (int) size);
        checkDigest(sha, bytes, size, source);
        return parse(bytes, size, source);
    }

    /** Checks magic, version and the declared payload length against the file's length; returns the latter. */
    private static long checkHeader(byte[] bytes, long length, String source) throws CheckpointException {
        if (bytes.length < HEADER || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CheckpointException(source + ": not a jgan checkpoint (" + length
                    + " bytes, no JGANCKPT header)" + (length < HEADER ? "; truncated?" : ""));
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes, 0, HEADER).order(ByteOrder.BIG_ENDIAN);
        buf.position(MAGIC.length);
        int version = buf.getInt();
        if (version != VERSION) {
            throw new CheckpointException(source + ": format version " + version + ", this jgan reads version " + VERSION);
        }
        long size = buf.getLong();
        if (size < 4 || size > MAX_PAYLOAD || HEADER + size + DIGEST != length) {
            throw new CheckpointException(source + ": truncated or damaged: the header promises "
                    + (size < 0 || size > MAX_PAYLOAD ? size + " payload" : (HEADER + size + DIGEST))
                    + " bytes, the file has " + length);
        }
        return size;
    }

    private static void checkDigest(MessageDigest sha, byte[] bytes, long size, String source)
            throws CheckpointException {
        if (!Arrays.equals(sha.digest(), 0, DIGEST, bytes, (int) (HEADER + size), bytes.length)) {
            throw new CheckpointException(source + ": corrupted: the SHA-256 of its content does not match the one"
                    + " stored when it was written");
        }
    }

    private static Checkpoint parse(byte[] bytes, long size, String source) throws CheckpointException {
        Checkpoint c = new Checkpoint(source);
        try {
            ByteBuffer payload = ByteBuffer.wrap(bytes, HEADER, (int) size).slice().order(ByteOrder.BIG_ENDIAN);
            int count = payload.getInt();
            for (int e = 0; e < count; e++) {
                byte[] name = new byte[claimed(payload, payload.getInt(), 1, source)];
                payload.get(name);
                byte type = payload.get();
                int n = payload.getInt();
                // A count is checked against the bytes left before anything is allocated, so a
                // damaged or hostile count cannot ask for gigabytes.
                claimed(payload, n, type == 'L' ? 8 : type == 'S' ? 1 : 4, source);
                Object value;
                switch (type) {
                    case 'S' -> {
                        byte[] b = new byte[n];
                        payload.get(b);
                        value = new String(b, StandardCharsets.UTF_8);
                    }
                    case 'F' -> {
                        float[] f = new float[n];
                        payload.asFloatBuffer().get(f);
                        payload.position(payload.position() + 4 * n);
                        value = f;
                    }
                    case 'I' -> {
                        int[] a = new int[n];
                        payload.asIntBuffer().get(a);
                        payload.position(payload.position() + 4 * n);
                        value = a;
                    }
                    case 'L' -> {
                        long[] l = new long[n];
                        payload.asLongBuffer().get(l);
                        payload.position(payload.position() + 8 * n);
                        value = l;
                    }
                    default -> throw new CheckpointException(source + ": malformed: entry type " + type);
                }
                c.entries.put(new String(name, StandardCharsets.UTF_8), value);
            }
            if (payload.hasRemaining()) {
                throw new CheckpointException(source + ": malformed: " + payload.remaining() + " bytes after the last entry");
            }
        } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            throw new CheckpointException(source + ": malformed: an entry runs past the end of the payload");
        }
        return c;
    }

    private static int claimed(ByteBuffer payload, int count, int elementBytes, String source)
            throws CheckpointException {
        if (count < 0 || (long) count * elementBytes > payload.remaining()) {
            throw new CheckpointException(source + ": malformed: an entry claims " + count + " elements of "
                    + elementBytes + " bytes but only " + payload.remaining() + " bytes are left");
        }
        return count;
    }
}
