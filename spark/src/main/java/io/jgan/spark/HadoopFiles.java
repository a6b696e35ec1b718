package io.jgan.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Files through Hadoop's {@link FileSystem}, so that an output can be HDFS, S3 or a local disk.
 * Serializable: it carries the driver's Hadoop settings (credentials, endpoints) to the executors.
 */
final class HadoopFiles implements Serializable {
    private static final long serialVersionUID = 1L;
    private final HashMap<String, String> settings = new HashMap<>();
    private transient Configuration configuration;

    HadoopFiles(Configuration driver) {
        for (Map.Entry<String, String> e : driver) {
            settings.put(e.getKey(), e.getValue());
        }
        this.configuration = driver;
    }

    private Configuration configuration() {
        if (configuration == null) {
            Configuration c = new Configuration(false);
            settings.forEach(c::set);
            configuration = c;
        }
        return configuration;
    }

    FileSystem fileSystem(Path path) throws IOException {
        return path.getFileSystem(configuration());
    }

    /**
     * Writes {@code bytes} to a temporary file beside {@code target}, then renames it into place, so
     * that a reader never sees a half-written file. The temporary name is unique per writer: two
     * attempts of one task (a retry, a speculative copy) do not write into each other's file.
     */
    void writeAtomically(Path target, byte[] bytes) throws IOException {
        FileSystem fs = fileSystem(target);
        fs.mkdirs(target.getParent());
        Path temp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        try (OutputStream out = fs.create(temp, true)) {
            out.write(bytes);
        }
        if (fs.rename(temp, target)) {
            return;
        }
        // The rename refuses an existing target on HDFS: an earlier attempt wrote it. Replace it
        // (attempts of a trial write the same bytes; the driver checks their SHA-256).
        fs.delete(target, false);
        if (!fs.rename(temp, target)) {
            fs.delete(temp, false);
            if (!fs.exists(target)) {
                throw new IOException("cannot rename " + temp + " to " + target);
            }
        }
    }

    byte[] read(Path file) throws IOException {
        FileSystem fs = fileSystem(file);
        try (InputStream in = fs.open(file)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toByteArray();
        }
    }
}
