package pagelab.archetype;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.exercise.Exercise;
import pagelab.testkit.ExerciseVerifier;
import pagelab.testkit.VerificationReport;

/**
 * The exercise the archetype generates builds and verifies as it is: its templates, with the archetype's properties
 * put in as {@code archetype:generate} puts them in, compile against the SDK and pass the test kit's verification,
 * the check of unused files included. So an instructor's first {@code mvn clean verify} is green.
 */
class ArchetypeSampleTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/archetype-resources");
    private static final Map<String, String> PROPERTIES = Map.of("${package}", "pagelab.exercises.firstpage",
            "${artifactId}", "first-page", "__artifactId__", "first-page", "${exerciseClass}", "FirstPageExercise",
            "__exerciseClass__", "FirstPageExercise", "${chapter}", "15", "${description}", "A first page.");

    @Test
    void theGeneratedExerciseCompilesAndVerifies(@TempDir Path plugin) throws Exception {
        Path sources = plugin.resolveSibling(plugin.getFileName() + "-src");
        List<String> javaFiles = new ArrayList<>();
        for (Path template : files(TEMPLATES.resolve("src/main/java"))) {
            Path source = sources.resolve(generated(template.getFileName().toString()));
            write(source, generated(Files.readString(template, StandardCharsets.UTF_8)));
            javaFiles.add(source.toString());
        }
        Path resources = TEMPLATES.resolve("src/main/resources");
        for (Path template : files(resources)) {
            write(plugin.resolve(generated(resources.relativize(template).toString())),
                    generated(Files.readString(template, StandardCharsets.UTF_8)));
        }
        // What the exercises' parent pom generates for each module.
        write(plugin.resolve("plugin.properties"), "plugin.id=first-page\n");
        List<String> javac = new ArrayList<>(List.of("-d", plugin.toString(), "-cp",
                System.getProperty("java.class.path")));
        if (Runtime.version().feature() >= 21) {
            javac.add("-proc:full"); // newer JDKs skip PF4J's annotation processor unless told
        }
        javac.addAll(javaFiles);
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, diagnostics, diagnostics,
                javac.toArray(String[]::new))).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        try (URLClassLoader loader = new URLClassLoader("plugin", new URL[] {plugin.toUri().toURL()},
                getClass().getClassLoader())) {
            Exercise exercise = (Exercise) loader.loadClass("pagelab.exercises.firstpage.FirstPageExercise")
                    .getConstructor().newInstance();
            VerificationReport report = new ExerciseVerifier().verify(exercise);

            assertThat(report.ok()).as(report.summary()).isTrue();
            assertThat(report.summary()).contains("ok    unused files: every file of the plugin is used");
        }
    }

    @Test
    void noTemplateKeepsAPropertyTheArchetypeDoesNotDefine() throws IOException {
        for (Path template : files(TEMPLATES)) {
            assertThat(generated(Files.readString(template, StandardCharsets.UTF_8))).as(template.toString())
                    .doesNotContain("${").doesNotContain("__");
        }
    }

    private static String generated(String text) {
        for (Map.Entry<String, String> p : PROPERTIES.entrySet()) {
            text = text.replace(p.getKey(), p.getValue());
        }
        return text.replace("${pagelabVersion}", "0");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
