package io.jgan.pictures;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;

/**
 * Writes PNG files atomically: the image goes to a temporary file next to the target, is forced to
 * disk and then renamed over it, so a reader (or a crash) never sees half a picture.
 */
final class PngFile {
    static {
        // Drawing needs no display: set before the first AWT class initialises its toolkit.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private PngFile() {
    }

    /** Makes sure the headless default above is in place before a picture class touches AWT. */
    static void init() {
        // The static initialiser did the work.
    }

    static void write(Path target, RenderedImage image) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = createTemp(dir, absolute.getFileName().toString());
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = Channels.newOutputStream(channel);
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer in this JVM (javax.imageio)");
                }
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * An empty file next to the target, hidden, with the target's name in it so that a leftover after
     * a crash is recognisable. Unlike Files.createTempFile (owner-only) it gets the default
     * permissions, so the picture does too.
     */
    private static Path createTemp(Path dir, String name) throws IOException {
        while (true) {
            String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
            try {
                return Files.createFile(dir.resolve("." + name + "." + suffix + ".tmp"));
            } catch (FileAlreadyExistsException e) {
                // vanishingly unlikely; pick another name
            }
        }
    }
}
