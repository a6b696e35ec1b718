package io.jgan.runtime.io;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes content to an output stream; the callback used by {@link AtomicFile#write}.
 */
@FunctionalInterface
public interface IoWriter {

    /**
     * Writes the content to {@code out}. The stream is owned by the caller: closing it is
     * allowed but not needed.
     *
     * @param out the stream to write to
     * @throws IOException if writing fails; the target file is then left untouched
     */
    void write(OutputStream out) throws IOException;
}
