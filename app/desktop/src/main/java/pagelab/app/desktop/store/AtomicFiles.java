package pagelab.app.desktop.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import pagelab.app.files.NewFiles;

/**
 * Whole-file writes that a crash or a SIGKILL at any instant cannot tear: the new content goes to a temporary
 * file in the same folder, is forced to disk, and then replaces the target with one atomic rename. A reader
 * therefore always sees either the complete old file or the complete new one. The writing is {@link NewFiles}'s
 * (which also gives the file the user's umask); this class names the desktop's temporary files.
 *
 * <p>Thread safety: concurrent writers of the same target each use their own temporary file; the last rename wins.
 */
public final class AtomicFiles {
    /** Temporary files end with this, so that a crash's leftovers can be recognised and removed. */
    static final String TEMP_SUFFIX = ".pagelab-tmp";

    private AtomicFiles() {
    }

    /**
     * Replaces {@code target} with {@code content}, creating parent folders as needed.
     *
     * @throws IOException if the content cannot be written; the target is then unchanged
     */
    public static void write(Path target, byte[] content) throws IOException {
        // The writer's process id in the name lets the data folder's clean-up tell a live write from a dead one's.
        NewFiles.write(target, "." + target.getFileName() + ".pid" + ProcessHandle.current().pid() + "-",
                TEMP_SUFFIX, out -> out.write(content));
    }

    /**
     * Removes temporary files older than {@code minAge} from {@code dir}; never touches anything else. The data
     * folder's own clean-up is {@code pagelab.app.files.DataFolder}, which knows which writers are alive; this is
     * for a folder it does not cover.
     */
    public static void removeLeftovers(Path dir, Duration minAge) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        Instant cutoff = Instant.now().minus(minAge);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + TEMP_SUFFIX)) {
            for (Path p : files) {
                try {
                    if (Files.getLastModifiedTime(p).toInstant().isBefore(cutoff)) {
                        Files.deleteIfExists(p);
                    }
                } catch (NoSuchFileException e) {
                    // Its writer renamed it meanwhile: nothing left to clean.
                }
            }
        }
    }
}
