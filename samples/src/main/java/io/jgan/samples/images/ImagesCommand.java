package io.jgan.samples.images;

import io.jgan.runtime.Network;
import io.jgan.runtime.Rng;
import io.jgan.data.idx.IdxImages;
import io.jgan.data.idx.MissingDataException;
import io.jgan.data.idx.MnistDownload;
import io.jgan.data.idx.MnistFiles;
import io.jgan.data.idx.ImageDataset;
import io.jgan.runtime.io.AtomicFile;
import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.train.CheckpointFiles;
import io.jgan.runtime.io.OutputFiles;
import io.jgan.runtime.io.Npy;
import io.jgan.runtime.io.TorchExport;
import io.jgan.runtime.train.Sampler;
import io.jgan.runtime.train.TrainingDivergedException;
import io.jgan.samples.cli.ClassList;
import io.jgan.samples.cli.CommandError;
import io.jgan.samples.cli.Threads;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgan images train|sample|export}: the vanilla GAN on 28x28 images (seeds 003 and 004). */
@Command(name = "images", mixinStandardHelpOptions = true,
        description = "GANs on 28x28 grayscale images (MNIST, Fashion-MNIST): the vanilla GAN of seeds 003 and 004"
            + " (--model mlp), a DCGAN (--model dcgan), either conditional on the class (--conditional).",
        subcommands = {ImagesCommand.Train.class, ImagesCommand.Sample.class, ImagesCommand.Export.class,
            ImagesBench.Bench.class})
public final class ImagesCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code jgan images train}. */
    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Trains a GAN on 28x28 images, one of three models:",
                "  mlp (default; seeds 003/004): D 784-1024-512-256-1 (LeakyReLU 0.2, dropout 0.3, sigmoid),"
                + " G noise-256-512-1024-784 (LeakyReLU 0.2, tanh), Adam 2e-4, batch 100, BCE;",
                "  dcgan: G transposed convolutions up from 7x7, D strided convolutions, batch norm, batch 128,"
                + " Adam betas 0.5, 0.999;",
                "  --conditional: either one, G and D also given the class label.",
                "Writes to --out after every epoch: samples_epoch_NNN.png (64 samples of one fixed noise batch), "
                + "checkpoint.jgan (the previous one kept as checkpoint.prev.jgan), log.csv, losses.png and scores.png.",
                "About twice as fast with the Vector API: java --add-modules jdk.incubator.vector -jar jgan.jar images train"})
    public static final class Train implements Callable<Integer> {
        @Option(names = "--data", paramLabel = "DIR",
                description = "Directory with train-images-idx3-ubyte[.gz] and train-labels-idx1-ubyte[.gz]. "
                        + "Default: ./data, then /usr/share/datasets/fashion-mnist.")
        Path data;

        @Option(names = "--download", description = "If no data is found, download MNIST (SHA-256 verified) into "
                + "--data or ./data.")
        boolean download;

        @Option(names = "--epochs", defaultValue = "10", paramLabel = "N",
                description = "Epochs to have trained at the end (a resumed run continues up to N). Default: ${DEFAULT-VALUE}.")
        int epochs;

        @Option(names = "--seed", paramLabel = "N", description = "Random seed (default 1; on --resume, the checkpoint's).")
        Long seed;

        @Option(names = "--noise", paramLabel = "100|128",
                description = "Noise values: 100 (seed 003) or 128 (seed 004). Default 100; on --resume, the checkpoint's.")
        Integer noise;

        @Option(names = "--model", paramLabel = "mlp|dcgan",
                description = "The networks: mlp (seeds 003/004, batch 100) or dcgan (convolutions and batch norm,"
                        + " batch 128, Adam betas 0.5/0.999). Default mlp; on --resume, the checkpoint's.")
        String modelName;

        @Option(names = "--conditional", negatable = true,
                description = "Train the model made conditional: G and D also get the class label (from the label"
                        + " file): mlp as a learned 10-value embedding in both, dcgan as one in G and as 10 one-hot"
                        + " channels in D; the grids show one row per class."
                        + " Default off; on --resume, the checkpoint's.")
        Boolean conditional;

        @Option(names = "--fake-labels", paramLabel = "uniform|data",
                description = "With --conditional, the classes the generator is asked for in training: uniform"
                        + " (default) or data (as often as in the data); on --resume, the checkpoint's.")
        String fakeLabels;

        @Option(names = "--smooth", negatable = true,
                description = "Label smoothing of seed 004: real 0.98, fake 0.02. Default off; on --resume, the checkpoint's.")
        Boolean smooth;

        @Option(names = "--loss", paramLabel = "NAME", description = "GAN loss: bce (default, the article's), "
                + "bce-logits, lsgan, hinge or wgan (5 critic steps, RMSprop 5e-5); on --resume, the checkpoint's.")
        String loss;

        @Option(names = "--out", defaultValue = "runs/images", paramLabel = "DIR",
                description = "Output directory. Default: ${DEFAULT-VALUE}.")
        Path out;

        @Option(names = "--resume", description = "Continue the run whose checkpoint is in --out, bit for bit as if it "
                + "had not stopped.")
        boolean resume;

        @Option(names = "--log-every", defaultValue = "50", paramLabel = "N",
                description = "Log the mean losses and scores every N batches (log.csv). Default: ${DEFAULT-VALUE}.")
        int logEvery;

        @Option(names = "--on-divergence", defaultValue = "stop", paramLabel = "stop|rollback",
                description = "When a loss, gradient or parameter becomes NaN or infinite: stop (default), or roll back "
                        + "to the last good checkpoint with half the learning rates and continue (at most 5 times).")
        String onDivergence;

        @Option(names = "--threads", paramLabel = "N",
                description = "Threads for the large layers (default: the cores, at most 2). Results are bit for bit "
                        + "the same for any thread count.")
        Integer threads;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (epochs < 0 || logEvery < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--epochs must be >= 0 and --log-every >= 1");
            }
            if (threads != null && threads < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1");
            }
            io.jgan.runtime.train.DivergencePolicy policy;
            try {
                policy = io.jgan.runtime.train.DivergencePolicy.byName(onDivergence);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--on-divergence: " + e.getMessage());
            }
            return train(policy);
        }

        /**
         * Reads the settings (for --resume, the checkpoint's, read without changing anything) and checks
         * them before --out is touched; the run then locks --out, completes a rotation a kill interrupted
         * and removes a killed writer's temporary files.
         */
        private int train(io.jgan.runtime.train.DivergencePolicy policy) throws IOException {
            CheckpointFiles checkpoints = new CheckpointFiles(out);
            ImageModel model;
            long runSeed;
            boolean runSmooth;
            boolean runFakesFromData;
            io.jgan.runtime.loss.GanLoss runLoss;
            try {
                runLoss = io.jgan.runtime.loss.GanLoss.byName(loss != null ? loss : "bce");
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--loss: " + e.getMessage());
            }
            if (resume) {
                if (!Files.exists(checkpoints.toResume()) && Files.exists(checkpoints.previous())) {
                    throw CommandError.of("there is no " + checkpoints.latest() + " to resume from, but there is "
                            + checkpoints.previous() + ": copy it to " + checkpoints.latest()
                            + " to resume from the epoch before");
                }
                // The run's settings are the checkpoint's; an explicit different one is a mistake.
                Checkpoint c = Checkpoint.read(checkpoints.toResume());
                model = ImageModel.byName(c.getString("run.model"));
                runSeed = c.getLongs("run.seed")[0];
                runSmooth = Boolean.parseBoolean(c.getString("run.smooth"));
                io.jgan.runtime.loss.GanLoss given = runLoss;
                runLoss = io.jgan.runtime.loss.GanLoss.byName(c.has("run.loss") ? c.getString("run.loss") : "bce");
                if (loss != null && !given.equals(runLoss)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "the checkpoint in " + out
                            + " is a run with --loss " + runLoss.name() + "; --resume continues it with that loss");
                }
                if (conditional != null && conditional != model.conditional()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "the checkpoint in " + out + " is a"
                            + (model.conditional() ? " conditional run" : "n unconditional run") + "; --resume continues"
                            + " it as it is (drop --" + (conditional ? "" : "no-") + "conditional)");
                }
                String runFakes = c.has("run.fake-labels") ? c.getString("run.fake-labels") : "uniform";
                if (fakeLabels != null && !fakeLabels.equals(runFakes)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "the checkpoint in " + out
                            + " is a run with --fake-labels " + runFakes + "; --resume continues it with those");
                }
                runFakesFromData = runFakes.equals("data");
                if ((noise != null && noise != model.noiseSize()) || (seed != null && seed != runSeed)
                        || (smooth != null && smooth != runSmooth)
                        || (modelName != null && (modelName.equals("dcgan") != isDcgan(model)))) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "the checkpoint in " + out
                            + " is a run with --model " + (isDcgan(model) ? "dcgan" : "mlp") + " --noise "
                            + model.noiseSize() + " --seed " + runSeed
                            + (runSmooth ? " --smooth" : " --no-smooth") + "; --resume continues it with those settings");
                }
            } else {
                if (fakeLabels != null && !fakeLabels.equals("uniform") && !fakeLabels.equals("data")) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--fake-labels must be uniform or"
                            + " data, was " + fakeLabels);
                }
                if (fakeLabels != null && (conditional == null || !conditional)) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--fake-labels labels the fakes of a"
                            + " conditional run: add --conditional");
                }
                runFakesFromData = "data".equals(fakeLabels);
                try {
                    String name = modelName != null ? modelName : "mlp";
                    model = conditional != null && conditional
                            ? ImageModel.conditionalForCommandLine(name, noise, runLoss)
                            : ImageModel.forCommandLine(name, noise, runLoss);
                } catch (IllegalArgumentException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                }
                runSeed = seed != null ? seed : 1;
                runSmooth = smooth != null && smooth;
            }
            ImageGan.Settings settings;
            try {
                settings = new ImageGan.Settings(model, runSeed, runSmooth, epochs, logEvery, out, resume, runLoss,
                        runFakesFromData);
                settings.config();
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            // A read-only, misnamed or full --out is found now, not after loading the data or an epoch of training.
            OutputFiles.requireDirectory("--out", out, 0);
            MnistFiles files = findData(data, download);
            ImageDataset dataset = loadImages(files, model.batch());
            IdxImages idx = dataset.images();
            System.out.printf("Data: %d images of %dx%d from %s%n", idx.count(), idx.rows(), idx.cols(), files.trainImages());
            ImageGan gan;
            if (model.conditional()) {
                try {
                    gan = new ImageGan(settings, idx, dataset.labels(), files.trainLabels().toString(), System.out);
                } catch (IllegalArgumentException e) {
                    throw CommandError.of(e.getMessage());
                }
            } else {
                gan = new ImageGan(settings, idx, System.out);
            }
            OutputFiles.requireRoom("--out", out, out, gan.checkpointBytes());
            if (threads != null) {
                gan.setThreads(Threads.cap(threads, "--threads", System.out));
            }
            gan.onDivergence(policy);
            System.out.printf("%s: noise %d,%s seed %d, labels %s, batch %d, %s %s, %d batches per epoch%s%n",
                    model.name(), model.noiseSize(), model.conditional() ? " " + model.classes() + " classes (fakes "
                            + (runFakesFromData ? "as often as in the data" : "uniform") + ")," : "", runSeed, runSmooth ? "0.98/0.02" : "1/0", model.batch(),
                    gan.describeOptimizer(), gan.describeLearningRates(), gan.batchesPerEpoch(),
                    resume ? ", resuming after epoch " + gan.epochsDone() : "");
            System.out.println(io.jgan.runtime.kernel.Simd.describe());
            List<ImageGan.EpochSummary> summaries;
            try {
                summaries = gan.run();
            } catch (TrainingDivergedException e) {
                String rollbacks = gan.rollbacks() > 0 ? " after " + gan.rollbacks() + " rollback"
                        + (gan.rollbacks() == 1 ? "" : "s") : "";
                String next = policy.rollback()
                        ? "try another --seed, or resume with --resume to roll back again"
                        : "resume with --resume --on-divergence rollback to continue from it with lower learning rates";
                throw CommandError.of("training diverged" + rollbacks + ": " + e.getMessage() + "; "
                        + (gan.epochsDone() > 0 ? "the checkpoint after epoch " + gan.epochsDone() + " in " + out
                                + " is intact: " + next : "no epoch was completed: try another --seed"), e);
            }
            System.out.println("Done: " + gan.epochsDone() + " epochs; outputs in " + out.toAbsolutePath());
            return summaries.isEmpty() && gan.epochsDone() < epochs ? 1 : 0;
        }

        /**
         * The training images, and the labels checked (MNIST's directory holds both; conditional
         * training will need them, and a broken label file is worth knowing about now).
         */
        private static ImageDataset loadImages(MnistFiles files, int batch) throws IOException {
            ImageDataset dataset = ImageDataset.load(files.trainImages(), files.trainLabels());
            IdxImages idx = dataset.images();
            if (idx.rows() != 28 || idx.cols() != 28) {
                throw CommandError.of(files.trainImages() + " holds " + idx.rows() + "x" + idx.cols() + " images;"
                        + " images train needs 28x28 images (MNIST, Fashion-MNIST): pass another --data");
            }
            if (idx.count() < batch) {
                throw CommandError.of(files.trainImages() + " holds " + idx.count() + " images; images train needs at"
                        + " least " + batch + " (one batch): pass a larger data set with --data");
            }
            return dataset;
        }
    }

    private static boolean isDcgan(ImageModel model) {
        return model == ImageModel.DCGAN || model == ImageModel.CONDITIONAL_DCGAN;
    }

    static MnistFiles findData(Path dir, boolean download) throws IOException {
        try {
            return MnistFiles.find(Optional.ofNullable(dir));
        } catch (MissingDataException e) {
            if (!download) {
                throw e;
            }
            Path target = dir != null ? dir : Path.of("data");
            System.out.println("Downloading MNIST into " + target.toAbsolutePath() + " ...");
            return MnistDownload.download(target);
        }
    }

    /** {@code jgan images sample}. */
    @Command(name = "sample", mixinStandardHelpOptions = true,
            description = "Generates images with a checkpoint's generator: float32 [N, 784] in [-1, 1], as .npy.")
    public static final class Sample implements Callable<Integer> {
        /** Images per generator call (its batch size): the output is written chunk by chunk. */
        static final int CHUNK = 500;

        @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "A checkpoint of images train.")
        Path checkpoint;

        @Option(names = "--n", defaultValue = "10000", description = "Images to generate. Default: ${DEFAULT-VALUE}.")
        int n;

        @Option(names = "--out", required = true, paramLabel = "FILE.npy", description = "The .npy file to write.")
        Path out;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the noise. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--class", split = ",", paramLabel = "K",
                description = "For a conditional checkpoint: the classes to generate, e.g. --class 7 or --class 0,3;"
                        + " the images cycle through them (K, then the next, ...). Default: every class in order.")
        int[] classes;

        @Option(names = "--noise-out", paramLabel = "FILE.npy",
                description = "Also write the noise the images were made from, float32 [N, noise size], so that "
                        + "another implementation (the exported weights in PyTorch) can reproduce them.")
        Path noiseOut;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--force", description = "Replace --out and --noise-out if they exist (never --checkpoint).")
        boolean force;

        @Override
        public Integer call() throws IOException {
            if (n < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--n must be at least 1");
            }
            Network g = loadGenerator(checkpoint, CHUNK);
            int[] labels = labels(g);
            int values = g.info().outputSize();
            int noiseSize = g.info().noise().size();
            OutputFiles.create(force).input(checkpoint)
                    .output("--out", out, Npy.fileSize(n, values))
                    .output("--noise-out", noiseOut, Npy.fileSize(n, noiseSize))
                    .check();
            // Streamed in chunks: any --n the disk can hold, in a few MB of heap.
            AtomicFile.write(out, o -> {
                Npy.writeHeader(o, n, values);
                Rng rng = new Rng(seed);
                for (int start = 0; start < n; start += CHUNK) {
                    int batch = Math.min(CHUNK, n - start);
                    Npy.writeFloats(o, labels == null ? Sampler.generate(g, batch, rng)
                            : Sampler.generate(g, java.util.Arrays.copyOfRange(labels, start, start + batch), rng));
                }
            });
            if (noiseOut != null) {
                // Sampler draws nothing but the noise from its Rng, batch after batch: the same stream again.
                AtomicFile.write(noiseOut, o -> {
                    Npy.writeHeader(o, n, noiseSize);
                    Rng rng = new Rng(seed);
                    float[] z = new float[CHUNK * noiseSize];
                    for (int start = 0; start < n; start += CHUNK) {
                        int batch = Math.min(CHUNK, n - start);
                        g.info().noise().sample(z, batch, rng);
                        Npy.writeFloats(o, java.util.Arrays.copyOf(z, batch * noiseSize));
                    }
                });
            }
            System.out.printf("Wrote %d images of %d values (float32, [-1, 1])%s to %s%s%n", n, values,
                    labels == null ? "" : " of classes " + ClassList.describe(classes, g.info().classes()), out,
                    noiseOut != null ? ", their noise to " + noiseOut : "");
            return 0;
        }

        /** Image k's class: the --class list (default every class) over and over; null for an unconditional generator. */
        private int[] labels(Network g) {
            int count = g.info().classes();
            if (count == 0) {
                if (classes != null) {
                    throw new CommandLine.ParameterException(spec.commandLine(), checkpoint + " holds an unconditional"
                            + " generator, which takes no --class; train with --conditional to choose classes");
                }
                return null;
            }
            return ClassList.labels(classes, count, n, checkpoint, spec.commandLine());
        }
    }

    /** {@code jgan images export}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Exports a checkpoint's weights as .npz, keyed like PyTorch's nn.Sequential state_dict for "
                + "the same layer list (<index>.weight as [out, in], <index>.bias), so that",
                "  nn.Sequential(...).load_state_dict({k: torch.from_numpy(v) for k, v in np.load(F).items()})",
                "loads them."})
    public static final class Export implements Callable<Integer> {
        @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "A checkpoint of images train.")
        Path checkpoint;

        @Option(names = "--out", required = true, paramLabel = "FILE.npz", description = "The .npz file to write.")
        Path out;

        @Option(names = "--network", defaultValue = "generator", paramLabel = "generator|discriminator",
                description = "Which network. Default: ${DEFAULT-VALUE}.")
        String network;

        @Option(names = "--force", description = "Replace --out if it exists (never --checkpoint).")
        boolean force;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!network.equals("generator") && !network.equals("discriminator")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--network must be generator or discriminator, was " + network);
            }
            OutputFiles.create(force).input(checkpoint).output("--out", out, 0).check();
            Network net;
            if (network.equals("generator")) {
                net = loadGenerator(checkpoint, 1);
            } else if (network.equals("discriminator")) {
                Checkpoint c = Checkpoint.read(checkpoint);
                requireImagesCheckpoint(c, checkpoint);
                net = ImageModel.byName(c.getString("run.model")).discriminator().apply(1);
                c.restoreDiscriminator(net);
            } else {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--network must be generator or discriminator, was " + network);
            }
            var dict = TorchExport.stateDict(net);
            OutputFiles.create(force).input(checkpoint).output("--out", out, 4L * net.parameters().length + 65536).check();
            io.jgan.runtime.io.Npz.write(out, dict);
            System.out.println("Wrote " + net.info().displayName() + " (" + net.info().architecture() + ") to " + out);
            dict.forEach((k, v) -> System.out.println("  " + k + " " + java.util.Arrays.toString(v.shape())));
            return 0;
        }
    }

    static Network loadGenerator(Path file, int maxBatch) throws IOException {
        Checkpoint c = Checkpoint.read(file);
        requireImagesCheckpoint(c, file);
        Network g = ImageModel.byName(c.getString("run.model")).generator().apply(maxBatch);
        c.restoreGenerator(g);
        return g;
    }

    /** A checkpoint of another spec gets pointed to the commands that take any spec's. */
    static void requireImagesCheckpoint(Checkpoint c, Path file) throws IOException {
        if (!c.has("run.model")) {
            throw CommandError.of(file + " is not a checkpoint of images train (its generator comes from "
                    + (c.has("generator.spec") ? c.getString("generator.spec") : "an unknown spec")
                    + "): use jgan sample or jgan export --checkpoint " + file + ", which take any spec's checkpoint");
        }
    }
}
