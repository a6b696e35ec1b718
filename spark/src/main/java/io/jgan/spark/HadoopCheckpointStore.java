package io.jgan.spark;

import io.jgan.runtime.sweep.CheckpointStore;
import java.io.IOException;
import java.io.Serializable;
import org.apache.hadoop.fs.Path;

/** Trials' checkpoints under a Hadoop file system URI: {@code <out>/trial-<id>/checkpoint.jgan}. */
final class HadoopCheckpointStore implements CheckpointStore, Serializable {
    private static final long serialVersionUID = 1L;
    private final String out;
    private final HadoopFiles files;

    HadoopCheckpointStore(String out, HadoopFiles files) {
        this.out = out;
        this.files = files;
    }

    @Override
    public String write(int trialId, byte[] bytes) throws IOException {
        String relative = CheckpointStore.relativePath(trialId);
        files.writeAtomically(new Path(out, relative), bytes);
        return relative;
    }
}
