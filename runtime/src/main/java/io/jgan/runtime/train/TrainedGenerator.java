package io.jgan.runtime.train;

import io.jgan.runtime.Network;
import io.jgan.runtime.NetworkInfo;
import io.jgan.runtime.Networks;
import io.jgan.runtime.Rng;
import io.jgan.runtime.data.DataScaling;
import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.train.CheckpointException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A trained generator on its own: its spec, architecture and parameters (the averaged ones if the
 * run averaged), and the scaling to undo on its samples. What you keep after training to generate
 * samples in another program, without the discriminator, the optimizers or the run.
 *
 * <pre>{@code
 * run.trainedGenerator().write(Path.of("ring-generator.jgan"));     // after training
 *
 * TrainedGenerator g = TrainedGenerator.read(Path.of("ring-generator.jgan"));  // a fresh JVM
 * float[] points = g.sample(1000, new Rng(7));                       // in the data's own units
 * Network network = g.network(256);                                  // or the network itself
 * }</pre>
 *
 * <p>The file is a {@link Checkpoint} (same header, checksum and atomic write) with the entries
 * {@code generator.spec}, {@code generator.architecture}, {@code generator.parameters} and, if the
 * data was scaled, {@code data.offset} and {@code data.scale}. {@link #read} also takes a whole
 * run's checkpoint, and then uses its averaged generator if it has one.
 */
public final class TrainedGenerator {
    /** The entry of a run's checkpoint that holds the averaged generator's parameters. */
    static final String AVERAGED = "generator.averaged";
    /** A string entry of a generator file: {@code average} if its parameters are a run's average. */
    private static final String KIND = "generator.kind";
    private static final String OFFSET = "data.offset";
    private static final String SCALE = "data.scale";

    private final String spec;
    private final String architecture;
    private final float[] parameters;
    private final DataScaling scaling;
    private final boolean averaged;
    private final String source;

    private TrainedGenerator(String spec, String architecture, float[] parameters, DataScaling scaling,
            boolean averaged, String source) {
        this.spec = spec;
        this.architecture = architecture;
        this.parameters = parameters;
        this.scaling = scaling;
        this.averaged = averaged;
        this.source = source;
    }

    /**
     * A generator's current parameters (copied).
     *
     * @param generator the trained generator
     * @param scaling how the data was scaled for training, or null
     * @return the trained generator
     */
    public static TrainedGenerator of(Network generator, DataScaling scaling) {
        return of(generator, scaling, false);
    }

    /**
     * A generator's current parameters (copied), saying whether they are an average.
     *
     * @param generator the trained generator, or the network holding a run's averaged parameters
     * @param scaling how the data was scaled for training, or null
     * @param averaged whether the parameters are an average ({@link #averaged()})
     * @return the trained generator
     */
    public static TrainedGenerator of(Network generator, DataScaling scaling, boolean averaged) {
        NetworkInfo info = generator.info();
        if (info.role() != NetworkInfo.Role.GENERATOR) {
            throw new IllegalArgumentException(info.displayName() + " is not a generator");
        }
        if (scaling != null && scaling.columns() != info.outputSize()) {
            throw new IllegalArgumentException("the scaling has " + scaling.columns() + " columns, "
                    + info.displayName() + " makes " + info.outputSize() + " values per sample");
        }
        return new TrainedGenerator(info.spec(), info.architecture(), generator.parameters().clone(), scaling, averaged,
                info.displayName());
    }

    /**
     * Reads a file written by {@link #write}, or a whole run's checkpoint (its averaged generator if
     * it has one).
     *
     * @param file the file
     * @return the trained generator
     * @throws CheckpointException if the file is not a jgan checkpoint or has no generator
     * @throws IOException if it cannot be read
     */
    public static TrainedGenerator read(Path file) throws IOException {
        return from(Checkpoint.read(file));
    }

    /**
     * The generator in a checkpoint (its averaged one if it has one).
     *
     * @param c a run's checkpoint or a file written by {@link #write}
     * @return the trained generator
     * @throws CheckpointException if it has no generator, or malformed entries
     */
    public static TrainedGenerator from(Checkpoint c) throws CheckpointException {
        String spec = c.getString("generator.spec");
        String architecture = c.getString("generator.architecture");
        boolean inRun = c.has(AVERAGED);
        boolean averaged = inRun || (c.has(KIND) && c.getString(KIND).equals("average"));
        String entry = inRun ? AVERAGED : "generator.parameters";
        c.requireFinite(entry);
        float[] parameters = c.getFloats(entry).clone();
        if (inRun && parameters.length != c.getFloats("generator.parameters").length) {
            throw new CheckpointException(c.source() + ": its averaged generator has " + parameters.length
                    + " parameters, the generator " + c.getFloats("generator.parameters").length);
        }
        return new TrainedGenerator(spec, architecture, parameters, scaling(c), averaged, c.source());
    }

    /**
     * The scaling stored in a checkpoint.
     *
     * @param c the checkpoint
     * @return the scaling, or null if it has none
     * @throws CheckpointException if the entries are malformed
     */
    public static DataScaling scaling(Checkpoint c) throws CheckpointException {
        if (!c.has(OFFSET) && !c.has(SCALE)) {
            return null;
        }
        try {
            return new DataScaling(c.getFloats(OFFSET), c.getFloats(SCALE));
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(c.source() + ": its data scaling is malformed: " + e.getMessage());
        }
    }

    /** Stores a scaling in a checkpoint (as {@link TrainingRun} does). */
    static void putScaling(Checkpoint c, DataScaling scaling) {
        c.put(OFFSET, scaling.offset());
        c.put(SCALE, scaling.scale());
    }

    /**
     * Writes the generator alone, atomically.
     *
     * @param file the file to create or replace
     * @throws IOException if it cannot be written (an existing file is then untouched)
     */
    public void write(Path file) throws IOException {
        Checkpoint c = new Checkpoint();
        c.put("generator.spec", spec);
        c.put("generator.architecture", architecture);
        c.put("generator.parameters", parameters.clone());
        if (averaged) {
            c.put(KIND, "average");
        }
        if (scaling != null) {
            putScaling(c, scaling);
        }
        c.write(file);
    }

    /** {@return the spec's canonical name} */
    public String spec() {
        return spec;
    }

    /** {@return the generator's architecture, as {@link NetworkInfo#architecture()} writes it} */
    public String architecture() {
        return architecture;
    }

    /** {@return a copy of the parameters} */
    public float[] parameters() {
        return parameters.clone();
    }

    /** {@return whether these are a run's averaged parameters} */
    public boolean averaged() {
        return averaged;
    }

    /** {@return the scaling undone on samples, or null} */
    public DataScaling scaling() {
        return scaling;
    }

    /**
     * Copies the parameters into a generator of the same architecture.
     *
     * @param generator the generator to load
     * @throws CheckpointException naming both architectures if they differ
     */
    public void loadInto(Network generator) throws CheckpointException {
        if (!generator.info().architecture().equals(architecture) || generator.parameters().length != parameters.length) {
            throw new CheckpointException(source + ": its generator (" + spec + ") is\n  " + architecture + "\nbut "
                    + generator.info().displayName() + " is\n  " + generator.info().architecture());
        }
        System.arraycopy(parameters, 0, generator.parameters(), 0, parameters.length);
    }

    /**
     * A new generator of the spec's generated class, loaded with the parameters, in inference mode.
     * The spec's classes must be on the class path (the context class loader's, or jgan's).
     *
     * @param maxBatch the largest batch it will take
     * @return the generator
     * @throws CheckpointException if the spec is not on the class path, or its generator has another architecture
     */
    public Network network(int maxBatch) throws CheckpointException {
        Network g = Networks.generator(specType(), maxBatch);
        loadInto(g);
        g.setTraining(false);
        return g;
    }

    /**
     * {@code n} samples in the data's own units (the scaling undone): {@code n * outputSize} floats.
     *
     * @param n how many
     * @param rng where the noise comes from
     * @return the samples, one after another
     * @throws CheckpointException if the spec is not on the class path, or its generator has another architecture
     */
    public float[] sample(int n, Rng rng) throws CheckpointException {
        float[] samples = Sampler.generate(network(Math.max(1, Math.min(n, 256))), n, rng);
        if (scaling != null) {
            scaling.undo(samples);
        }
        return samples;
    }

    /**
     * For a conditional generator: one sample of each label, in the data's own units (the scaling
     * undone), from the same noise as {@link #sample(int, Rng)} draws for as many samples.
     *
     * @param labels the class of each sample, in [0, classes)
     * @param rng where the noise comes from
     * @return {@code labels.length * outputSize} floats
     * @throws CheckpointException if the spec is not on the class path, or its generator has another architecture
     */
    public float[] sample(int[] labels, Rng rng) throws CheckpointException {
        float[] samples = Sampler.generate(network(Math.max(1, Math.min(labels.length, 256))), labels, rng);
        if (scaling != null) {
            scaling.undo(samples);
        }
        return samples;
    }

    /**
     * The spec type, loaded by its canonical name from the context class loader (or jgan's). A
     * nested spec's binary name has {@code $} where the canonical one has {@code .}, so the last
     * dots are tried as {@code $} too.
     *
     * @return the spec type
     * @throws CheckpointException if it is not on the class path
     */
    public Class<?> specType() throws CheckpointException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = TrainedGenerator.class.getClassLoader();
        }
        String name = spec;
        while (true) {
            try {
                return Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                int dot = name.lastIndexOf('.');
                if (dot < 0) {
                    break;
                }
                name = name.substring(0, dot) + "$" + name.substring(dot + 1);
            }
        }
        throw new CheckpointException(source + ": its generator comes from the spec " + Objects.toString(spec)
                + ", which is not on the class path: add the spec's compiled classes (and its generated ones) to it");
    }
}
