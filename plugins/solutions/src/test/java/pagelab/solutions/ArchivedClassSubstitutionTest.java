package pagelab.solutions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile submission against the class-data archive of a grading child. The archive is trained on the
 * exercise's reference solution, and HotSpot, asked to define a class by name for a class loader of its own, first
 * looks in the archive for a class of that name with the same size and CRC-32 and uses it in place of the bytes it
 * was given. A CRC-32 collision takes seconds to craft (it is linear), so a submission of the right size and CRC
 * would run the reference. Here the archive holds a class, and the same name and bytes are loaded again (the
 * collision every attacker aims for): a plain named loader gets the archived class, which shows the door exists
 * on this JDK; {@link StudentClassLoader} must define the submitted bytes themselves.
 */
class ArchivedClassSubstitutionTest {
    static final String SOURCE = "public class Solution { public String toString() { return \"reference\"; } }";

    @TempDir
    static Path dir;
    static String classPath;
    static Path classFile;
    static Path archive;

    @BeforeAll
    static void archiveTheReference() throws Exception {
        classPath = jarredClassPath();
        classFile = dir.resolve("Solution.class");
        Files.write(classFile, Compiled.compile("Solution.java", SOURCE).get("Solution"));
        archive = dir.resolve("reference.jsa");
        String out = java("-XX:ArchiveClassesAtExit=" + archive, "named");
        assertThat(out).contains("says: reference");
        assertThat(archive).as("the training JVM wrote no archive:\n" + out).isRegularFile();
    }

    @Test
    void aLoaderThatNamesItsClassesGetsTheArchivedOne() throws Exception {
        assertThat(loadedFrom(java("-XX:SharedArchiveFile=" + archive, "named")))
                .contains("shared objects file");
    }

    @Test
    void theStudentsLoaderDefinesTheSubmittedBytes() throws Exception {
        String out = java("-XX:SharedArchiveFile=" + archive, "student");
        assertThat(out).contains("says: reference");
        assertThat(loadedFrom(out)).doesNotContain("shared objects file").contains("__JVM_DefineClass__");
    }

    /** Where the class-load log says Solution came from. */
    private static String loadedFrom(String out) {
        return out.lines().filter(l -> l.contains(" Solution source: ")).findFirst().orElse("(Solution not loaded)");
    }

    private static String java(String archiveOption, String mode) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", archiveOption, "-Xlog:class+load=info", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                "-cp", classPath, ArchiveProbe.class.getName(), mode, "Solution", classFile.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** This test's class path with every folder packed into a jar: the JVM archives nothing from folders. */
    private static String jarredClassPath() throws IOException {
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (Files.isDirectory(p)) {
                Path jar = dir.resolve("folder-" + n++ + ".jar");
                jar(p, jar);
                entries.add(jar.toString());
            } else if (Files.isRegularFile(p)) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static void jar(Path folder, Path jar) throws IOException {
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os);
             Stream<Path> files = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(folder.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

}
