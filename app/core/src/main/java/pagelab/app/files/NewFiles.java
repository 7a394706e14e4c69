package pagelab.app.files;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The files PageLab writes for people to read (starter files, reports, gradebooks, bundles, the desktop's saved
 * work), written whole or not at all, with the permissions the user's umask gives a new file.
 *
 * <p><b>Why the umask matters.</b> {@link Files#createTempFile} makes owner-only (0600) files, and a temporary file
 * renamed into place keeps them: a teaching assistant in the same group could not read a gradebook or a student's
 * starter files. Java cannot read the umask, so the first write creates a probe file as {@code open(2)} would
 * (mode 0666 less the umask), reads what it got, and gives every temporary file that mode before writing to it. The
 * umask belongs to the process, so the answer is kept for the life of the JVM. Only the signing key stays 0600 on
 * purpose ({@code ResultSigner} does not write through here).
 *
 * <p><b>Atomic.</b> {@link #write} writes a temporary file in the target's folder, forces it to disk, and moves it
 * over the target with one atomic rename: a reader, or a crash at any instant, sees the whole old file or the whole
 * new one. The caller names the temporary file (prefix and suffix) so that {@link DataFolder} recognises a killed
 * writer's leftover.
 *
 * <p>Thread safety: all methods may be called from any thread; concurrent writers of one target each use their own
 * temporary file and the last rename wins.
 */
public final class NewFiles {
    /** Writes a new file's content to {@code out}; closing {@code out} is allowed and does nothing. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The permissions of a new file under this process's umask, once known; null until the first probe. */
    private static volatile Set<PosixFilePermission> fileDefaults;

    private NewFiles() {
    }

    /**
     * Replaces {@code target} with what {@code content} writes, creating its folder if needed. The temporary file is
     * {@code prefix + random + suffix} in the same folder.
     *
     * @throws IOException if the content cannot be written; the target is then unchanged and no temporary file is
     *                     left
     */
    public static void write(Path target, String prefix, String suffix, Content content) throws IOException {
        write(target, prefix, suffix, false, content);
    }

    /**
     * {@link #write}, readable by its owner only when {@code ownerOnly} ({@code grade --private}): the file is 0600
     * from its first byte, never group-readable for a moment.
     */
    public static void write(Path target, String prefix, String suffix, boolean ownerOnly, Content content)
            throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = ownerOnly ? Files.createTempFile(dir, prefix, suffix) : createTempFile(dir, prefix, suffix);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch));
                content.writeTo(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        out.flush(); // the channel stays open for the force below
                    }
                });
                out.flush();
                // Without the force, a power cut after the rename could leave a renamed but empty file.
                ch.force(true);
            }
            // rename(2) replaces the target atomically on POSIX; MoveFileEx(REPLACE_EXISTING) does on Windows.
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        syncDirectory(dir);
    }

    /** {@link #write} of {@code text} in UTF-8. */
    public static void writeString(Path target, String prefix, String suffix, String text) throws IOException {
        writeString(target, prefix, suffix, false, text);
    }

    /** {@link #write(Path, String, String, boolean, Content)} of {@code text} in UTF-8. */
    public static void writeString(Path target, String prefix, String suffix, boolean ownerOnly, String text)
            throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        write(target, prefix, suffix, ownerOnly, out -> out.write(bytes));
    }

    /**
     * An empty temporary file in {@code dir}, as {@link Files#createTempFile(Path, String, String,
     * java.nio.file.attribute.FileAttribute[])} makes it but with the permissions of a new file under the umask
     * (on a file system without POSIX permissions, as the file system makes it).
     */
    public static Path createTempFile(Path dir, String prefix, String suffix) throws IOException {
        Set<PosixFilePermission> mode = newFilePermissions(dir);
        Path tmp = Files.createTempFile(dir, prefix, suffix);
        if (mode != null) {
            try {
                Files.setPosixFilePermissions(tmp, mode);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
        }
        return tmp;
    }

    /**
     * The permissions {@code open(2)} gives a new file in {@code dir} under this process's umask (0644 under umask
     * 022), or null where {@code dir}'s file system has no POSIX permissions.
     */
    public static Set<PosixFilePermission> newFilePermissions(Path dir) throws IOException {
        if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            return null;
        }
        Set<PosixFilePermission> known = fileDefaults;
        if (known == null) {
            // The name matches DataFolder's ".pagelab-*.tmp", so a probe left by a kill is swept like any leftover.
            Path probe = dir.resolve(".pagelab-umask-" + ProcessHandle.current().pid() + "-" + System.nanoTime()
                    + ".tmp");
            try {
                Files.newByteChannel(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                known = Set.copyOf(Files.getPosixFilePermissions(probe));
            } finally {
                Files.deleteIfExists(probe);
            }
            fileDefaults = known;
        }
        return known;
    }

    // Makes the rename itself durable; folders cannot be opened for sync on every platform, hence best effort.
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows refuses to open a folder as a channel; NTFS journals the rename anyway.
        }
    }
}
