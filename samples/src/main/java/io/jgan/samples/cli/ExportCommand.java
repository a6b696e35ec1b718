package io.jgan.samples.cli;

import io.jgan.runtime.Network;
import io.jgan.runtime.train.Checkpoint;
import io.jgan.runtime.io.Npz;
import io.jgan.runtime.io.OutputFiles;
import io.jgan.runtime.io.TorchExport;
import io.jgan.runtime.train.TrainedGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgan export}: any spec's network as PyTorch weights. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Exports a network of any spec's checkpoint as .npz, keyed like PyTorch's nn.Sequential"
            + " state_dict for the same layer list (<index>.weight as [out, in], <index>.bias):",
            "  nn.Sequential(...).load_state_dict({k: torch.from_numpy(v) for k, v in np.load(F).items()})",
            "The generator is the averaged one if the run averaged. If the data was scaled for training, the"
            + " generator's outputs are in training units: the command prints the scaling to undo."})
public final class ExportCommand implements Callable<Integer> {
    @Option(names = "--checkpoint", required = true, paramLabel = "FILE", description = "checkpoint.jgan of any spec"
            + " (or generator.jgan for the generator).")
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
        Checkpoint c = Checkpoint.read(checkpoint);
        TrainedGenerator g = TrainedGenerator.from(c);
        Network net;
        if (network.equals("generator")) {
            net = g.network(1);
        } else {
            if (!c.has("discriminator.parameters")) {
                throw CommandError.of(checkpoint + " holds a generator alone; export the discriminator from the run's"
                        + " checkpoint.jgan");
            }
            net = SpecClasses.network(g.specType(), false, 1);
            c.restoreDiscriminator(net);
        }
        var dict = TorchExport.stateDict(net);
        OutputFiles.create(force).input(checkpoint).output("--out", out, 4L * net.parameters().length + 65536).check();
        Npz.write(out, dict);
        System.out.println("Wrote " + net.info().displayName() + (network.equals("generator") && g.averaged()
                ? " (averaged)" : "") + " (" + net.info().architecture() + ") to " + out);
        dict.forEach((k, v) -> System.out.println("  " + k + " " + Arrays.toString(v.shape())));
        if (network.equals("generator") && g.scaling() != null) {
            System.out.println("Its outputs are in training units: x = output * scale + offset, scale "
                    + Arrays.toString(g.scaling().scale()) + ", offset " + Arrays.toString(g.scaling().offset()));
        }
        return 0;
    }
}
