package io.jgan.samples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * Runs a PyTorch reference script (shipped in the jar under {@code /io/jgan/samples/bench/}) with
 * Debian's {@code /usr/bin/python3}, so a benchmark measures jgan and PyTorch in one invocation.
 */
public final class TorchReference {
    /** The interpreter that has Debian's python3-torch; the python3 first on PATH may not. */
    public static final String PYTHON = "/usr/bin/python3";

    private TorchReference() {}

    /** Why PyTorch cannot run here, or null if it can. */
    public static String unavailableReason() {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return PYTHON + " not found";
        }
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return PYTHON + " cannot import torch (install it: apt-get install -y python3-torch libopenblas0-pthread)";
            }
            return null;
        } catch (IOException e) {
            return "cannot run " + PYTHON + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Runs {@code script} with {@code args}, echoing its output to stderr, and returns the value of
     * {@code key=} on its last line.
     */
    public static OptionalDouble run(String script, String key, List<String> args) throws IOException, InterruptedException {
        Path file = Files.createTempFile("jgan-" + script.replace(".py", ""), ".py");
        try {
            try (InputStream in = TorchReference.class.getResourceAsStream(script)) {
                if (in == null) {
                    throw new IOException("reference script " + script + " is missing from the jar");
                }
                Files.write(file, in.readAllBytes());
            }
            List<String> command = new ArrayList<>(List.of(PYTHON, file.toString()));
            command.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            // PyTorch at its best: these machines pin OpenBLAS to its AVX2 Haswell kernels (a guard for
            // old OpenBLAS builds); unset here, for the reference run only, OpenBLAS picks its AVX-512
            // kernels, 1.5-2x faster (bench/README.md). OpenBLAS threads are set per run (--blas-threads).
            pb.environment().remove("OPENBLAS_CORETYPE");
            pb.environment().remove("OPENBLAS_L2_SIZE");
            Process p = pb.start();
            String last = null;
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    System.err.println("  [torch] " + line);
                    if (!line.isBlank()) {
                        last = line.trim();
                    }
                }
            }
            if (p.waitFor() != 0 || last == null) {
                return OptionalDouble.empty();
            }
            for (String part : last.split("\\s+")) {
                if (part.startsWith(key + "=")) {
                    return OptionalDouble.of(Double.parseDouble(part.substring(key.length() + 1)));
                }
            }
            return OptionalDouble.empty();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
