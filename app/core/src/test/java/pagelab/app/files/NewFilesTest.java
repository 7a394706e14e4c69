package pagelab.app.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link NewFiles}: whole files or nothing, with the permissions a plain new file gets under the umask. */
class NewFilesTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenFileHasThePermissionsOfAPlainNewFileNotOwnerOnly() throws IOException {
        Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX permissions");
        Path plain = dir.resolve("plain.txt");
        try (OutputStream out = Files.newOutputStream(plain)) {
            out.write(1);
        }
        Path written = dir.resolve("sub/written.txt");
        NewFiles.writeString(written, ".pagelab-", ".tmp", "text");
        NewFiles.writeString(written, ".pagelab-", ".tmp", "again"); // a replaced file too
        assertThat(Files.readString(written)).isEqualTo("again");
        assertThat(Files.getPosixFilePermissions(written)).isEqualTo(Files.getPosixFilePermissions(plain));
        assertThat(Files.getPosixFilePermissions(NewFiles.createTempFile(dir, ".x-", ".tmp")))
                .isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void aWriteThatFailsLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("grades.csv");
        NewFiles.writeString(target, ".pagelab-", ".tmp", "old");
        assertThatThrownBy(() -> NewFiles.write(target, ".pagelab-", ".tmp", out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(target)).isEqualTo("old");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("grades.csv");
        }
    }
}
