package pagelab.app.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A grading child's class path is the few jars ChildLaunch names (docs/security.md). The JVM follows a jar's
 * manifest {@code Class-Path}, so a jar of the runner that named its libraries there would pull every library of
 * the host into each child (and make each child open them all: a cold check took 0.3-0.4 s longer when app-core's
 * jar did). The jars a child runs from, as this build packaged them, must name no Class-Path.
 */
class ChildClassPathTest {
    @ParameterizedTest
    @ValueSource(strings = {"pagelab.app.grading.GradingChild", "pagelab.exercise.Exercise",
                            "pagelab.solutions.SolutionPolicy", "pagelab.kernel.spi.KernelProvider",
                            "org.objectweb.asm.ClassReader", "com.fasterxml.jackson.core.JsonFactory"})
    void theJarAGradingChildLoadsThisClassFromNamesNoClassPath(String className)
            throws IOException, URISyntaxException, ClassNotFoundException {
        Path jar = Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI());
        assumeTrue(Files.isRegularFile(jar), className + " is loaded from a folder here, not a jar: " + jar);
        try (JarFile f = new JarFile(jar.toFile())) {
            String cp = f.getManifest() == null ? null
                    : f.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            assertThat(cp).as("the Class-Path of %s", jar.getFileName()).isNull();
        }
    }
}
