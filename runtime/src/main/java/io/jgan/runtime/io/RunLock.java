package io.jgan.runtime.io;

import io.jgan.runtime.internal.FileErrors;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * One writer per run directory. Two runs writing the same directory would interleave their
 * checkpoints, images and logs; the second is refused, with the first one's pid and host.
 *
 * <p>The lock is an operating-system lock on {@code <dir>/jgan.lock} ({@link FileChannel#tryLock}),
 * so it ends with its process, however it ends: a SIGKILL cannot leave a directory locked. The
 * file also holds who locked it ("pid 1234 on host h since 2026-11-28T15:30:00Z"), for the message,
 * and is emptied when the run ends. A file that still names a holder but is not locked was left by a
 * process that died: the next run takes it over and {@link #recovered()} says so.
 *
 * <pre>{@code
 * try (RunLock lock = RunLock.acquire(out)) {
 *     lock.recovered().ifPresent(System.out::println);
 *     ... write into out ...
 * }
 * }</pre>
 */
public final class RunLock implements AutoCloseable {
    /** The lock file's name in the run directory. */
    public static final String FILE = "jgan.lock";

    private final FileChannel channel;
    private final FileLock lock;
    private final String recovered;

    private RunLock(FileChannel channel, FileLock lock, String recovered) {
        this.channel = channel;
        this.lock = lock;
        this.recovered = recovered;
    }

    /**
     * Locks {@code dir} (created if missing) for this process.
     *
     * @param dir the run directory
     * @return the lock, to close when the run ends
     * @throws IOException if another process holds it (naming the holder), or the lock file cannot
     *     be written
     */
    public static RunLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw FileErrors.cannot("create the run directory", dir, e);
        }
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw FileErrors.cannot("create the lock file", file, e);
        }
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (IOException e) {
                throw FileErrors.cannot("lock", file, e);
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very JVM
            }
            String holder = readHolder(channel);
            if (lock == null) {
                throw new IOException(dir + " is in use by another jgan run (" + (holder.isEmpty() ? "holder unknown"
                        : holder) + "; lock file " + file + "): wait for it to end, or choose another directory");
            }
            String me = "pid " + ProcessHandle.current().pid() + " on host " + host() + " since " + Instant.now();
            try {
                channel.truncate(0);
                channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                channel.force(true);
            } catch (IOException e) {
                throw FileErrors.cannot("write the lock file", file, e);
            }
            String recovered = holder.isEmpty() ? null
                    : "note: took over the lock of " + dir + " from a run that ended without releasing it (" + holder
                            + ")";
            return new RunLock(channel, lock, recovered);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** {@return a message if the lock was taken over from a process that died holding it} */
    public Optional<String> recovered() {
        return Optional.ofNullable(recovered);
    }

    /**
     * Empties the lock file and releases the lock. The file stays: deleting it could let a process
     * that opened it just before lock a file no one else sees any more.
     */
    @Override
    public void close() throws IOException {
        try {
            channel.truncate(0);
        } finally {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    private static String readHolder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(512);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
