package io.dockertutorial.lesson;

import org.springframework.core.io.AbstractResource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Reading files of a content folder on disk: only regular files (not symbolic links) whose real path lies
 * inside the folder. The check is made again when a file is opened, and the file is opened without following
 * a link, so a file swapped for a link after the course loaded is refused rather than followed.
 * <p>
 * What this cannot see: a hard link is a regular file (Java cannot tell one apart portably), and a parent
 * folder swapped for a link and back within the instant between the checks and the open. Both need write
 * access to the content folder on the server.
 */
final class ContentFiles {

    private ContentFiles() {
    }

    /** The folder's real path, the yardstick for {@link #isInside}. */
    static Path root(Path folder) throws IOException {
        return folder.toRealPath();
    }

    /** Whether {@code file} is a regular file, not a link, whose real path lies inside {@code root}. */
    static boolean isInside(Path root, Path file) {
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && file.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Opens {@code file} for reading after the checks of {@link #isInside}, without following a link at its
     * last step, and checks again once it is open that the same file is still there.
     */
    static SeekableByteChannel open(Path root, Path file) throws IOException {
        Object before = key(file);
        if (!isInside(root, file)) {
            throw new NoSuchFileException(file.getFileName() + " is not a regular file inside the content folder");
        }
        SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        try {
            if (!isInside(root, file) || !Objects.equals(before, key(file))) {
                throw new NoSuchFileException(file.getFileName() + " changed while it was opened");
            }
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The whole file, or an exception when it is larger than {@code max} bytes (it is never read past that). */
    static byte[] read(Path root, Path file, int max) throws IOException {
        try (SeekableByteChannel channel = open(root, file)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(max, Math.max(0, channel.size())));
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer.clear()) >= 0) {
                out.write(buffer.array(), 0, buffer.position());
                if (out.size() > max) {
                    throw new TooLarge(max);
                }
            }
            return out.toByteArray();
        }
    }

    static final class TooLarge extends IOException {
        TooLarge(int max) {
            super("larger than " + max + " bytes");
        }
    }

    private static Object key(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return a.fileKey() != null ? a.fileKey() : a.lastModifiedTime() + "|" + a.size();
    }

    /** A lesson image on disk, opened with the checks above on every request. */
    static final class Image extends AbstractResource {
        private final Path root;
        private final Path file;

        Image(Path root, Path file) {
            this.root = root;
            this.file = file;
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return Channels.newInputStream(open(root, file));
        }

        @Override
        public long contentLength() throws IOException {
            return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).size();
        }

        @Override
        public boolean exists() {
            return isInside(root, file);
        }

        @Override
        public String getFilename() {
            return file.getFileName().toString();
        }

        @Override
        public String getDescription() {
            return "lesson image " + file;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Image i && i.file.equals(file);
        }

        @Override
        public int hashCode() {
            return file.hashCode();
        }
    }
}
