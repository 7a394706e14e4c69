package pagelab.app.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * A grading child's class path is the few jars ChildLaunch names (docs/security.md). The JVM follows a jar's
 * manifest {@code Class-Path}, so a jar of the runner that named its libraries there would pull every library of
 * the host into each child (and make each child open them all: a cold check took 0.4 s longer when app-core's jar
 * did). The shipped jars a child runs from must name no Class-Path.
 */
class ChildClassPathTest {
    private static final Path LIB = Path.of("target/lib").toAbsolutePath();

    @Test
    void noJarAGradingChildRunsFromNamesAClassPath() throws IOException {
        int seen = 0;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(LIB, "*.jar")) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                if (name.startsWith("app-core-") || name.startsWith("exercise-api-") || name.startsWith("solutions-")
                        || name.startsWith("kernel-")) {
                    seen++;
                    try (JarFile f = new JarFile(jar.toFile())) {
                        String cp = f.getManifest() == null ? null
                                : f.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
                        assertThat(cp).as("the Class-Path of %s", name).isNull();
                    }
                }
            }
        }
        assertThat(seen).as("the runner's jars in %s", LIB).isGreaterThanOrEqualTo(5);
    }
}
