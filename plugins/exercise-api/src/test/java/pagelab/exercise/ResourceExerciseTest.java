package pagelab.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourceExerciseTest {
    private static final String[] FILES = {"LessonGreeter.java", "Salutation.java"};

    private final Exercise lesson = new LessonExercise();

    @Test
    void instructionsComeInTheReadersLanguageElseInEnglish() {
        assertThat(lesson.instructions(Locale.SIMPLIFIED_CHINESE)).startsWith("# 课程");
        assertThat(lesson.instructions(Locale.GERMANY)).startsWith("# Lesson");
        assertThat(lesson.instructions(Locale.CHINESE)).startsWith("# Lesson");
        assertThat(lesson.instructions(null)).startsWith("# Lesson");
    }

    @Test
    void starterAndReferenceHoldTheNamedFilesInTheOrderGiven() {
        SourceSet starter = lesson.starter();
        SourceSet reference = lesson.reference();

        assertThat(starter.files().keySet()).containsExactly("LessonGreeter.java", "Salutation.java");
        assertThat(starter.text("LessonGreeter.java")).contains("TODO");
        assertThat(reference.files().keySet()).containsExactly("LessonGreeter.java", "Salutation.java");
        assertThat(reference.text("LessonGreeter.java")).contains("\", \" + name");
        assertThat(reference.text("Salutation.java")).isEqualTo(starter.text("Salutation.java"));
    }

    @Test
    void theStarterAndAKnownWrongSolutionAreRenderedFromTheMarkedReference() {
        assertThat(lesson.reference().text("LessonGreeter.java")).doesNotContain("BEGIN", "INSTEAD", "MISTAKE");
        assertThat(lesson.starter().text("LessonGreeter.java"))
                .contains("        return Salutation.HELLO; // TODO add the name\n").doesNotContain("+ name");
        KnownWrongSolution w = lesson.knownWrong().get(0);

        assertThat(w.name()).isEqualTo("forgets-name");
        assertThat(w.mistake()).isEqualTo("Greets without the name.");
        assertThat(w.mustFail()).containsExactlyInAnyOrder("greets", "polite");
        assertThat(w.sources().files().keySet()).containsExactly("LessonGreeter.java", "Salutation.java");
        assertThat(w.sources().text("LessonGreeter.java")).startsWith("""
                /**
                 * Known-wrong solution "forgets-name": greets without the name.
                 */
                public class LessonGreeter""").contains("        return Salutation.HELLO;\n");
        // A file the mistake does not touch is the reference's, comment and all.
        assertThat(w.sources().text("Salutation.java")).isEqualTo(lesson.reference().text("Salutation.java"));
    }

    @Test
    void aKnownWrongSolutionThatNoRegionMarksNoLongerApplies() {
        ResourceExercise ex = new LessonExercise();

        assertThatThrownBy(() -> ex.wrong("forgets-greeting", "Says nothing.", "greets"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("forgets-greeting no longer applies")
                .hasMessageContaining("the regions there are for [forgets-name]");
    }

    @Test
    void aPluginOfTheOldLayoutReadsItsCopies() {
        Exercise legacy = new LessonExercise("legacy-lesson", FILES);

        assertThat(legacy.starter().text("LessonGreeter.java")).contains("TODO");
        assertThat(legacy.knownWrong().get(0).sources().text("LessonGreeter.java")).contains("MISTAKE")
                .doesNotContain("Known-wrong");
        assertThat(((ResourceExercise) legacy).resources()).contains("legacy-lesson/starter/Salutation.java",
                "legacy-lesson/wrong/forgets-name/LessonGreeter.java");
    }

    @Test
    void theResourcesReadAreTheInstructionsTheirTranslationsAndTheReference() {
        assertThat(((ResourceExercise) lesson).resources()).containsExactly("lesson/instructions.md",
                "lesson/instructions_zh_CN.md", "lesson/reference/LessonGreeter.java", "lesson/reference/Salutation.java");
    }

    @Test
    void aMissingResourceIsNamed() {
        Exercise nowhere = new LessonExercise("nowhere", FILES);

        assertThatThrownBy(nowhere::starter).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nowhere/reference/LessonGreeter.java");
        assertThatThrownBy(nowhere::knownWrong).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nowhere/reference/LessonGreeter.java");
        assertThatThrownBy(() -> nowhere.instructions(Locale.ENGLISH)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("nowhere/instructions.md");
    }

    @Test
    void theFolderAndAtLeastOneFileAreRequired() {
        assertThatThrownBy(() -> new LessonExercise("lesson/", FILES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LessonExercise("/lesson", FILES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LessonExercise(" ", FILES)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LessonExercise("lesson")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name the student's files");
    }

    /** As in the host: the exercise class comes from the plugin's class loader, and so do its resources. */
    @Test
    void resourcesAreReadThroughTheClassLoaderOfTheConcreteClass(@TempDir Path plugin) throws Exception {
        for (String dir : new String[] {"elsewhere/starter", "elsewhere/reference"}) {
            Files.createDirectories(plugin.resolve(dir));
            Files.writeString(plugin.resolve(dir + "/LessonGreeter.java"), "public class LessonGreeter {} // " + dir);
            Files.writeString(plugin.resolve(dir + "/Salutation.java"), "final class Salutation {}");
        }
        Files.writeString(plugin.resolve("elsewhere/instructions.md"), "# Only the plugin sees this");
        ClassLoader loader = new PluginLoader(LessonExercise.class.getName(), plugin);
        Exercise inPlugin = (Exercise) Class.forName(LessonExercise.class.getName(), true, loader)
                .getConstructor(String.class, String[].class).newInstance("elsewhere", FILES);

        assertThat(inPlugin.getClass().getClassLoader()).isSameAs(loader);
        assertThat(inPlugin.instructions(null)).isEqualTo("# Only the plugin sees this");
        assertThat(inPlugin.starter().text("LessonGreeter.java")).endsWith("// elsewhere/starter");
        assertThat(inPlugin.reference().text("LessonGreeter.java")).endsWith("// elsewhere/reference");
        assertThatThrownBy(() -> new LessonExercise("elsewhere", FILES).starter())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("elsewhere/reference/LessonGreeter.java is missing");
    }

    /** A plugin class loader in miniature: defines one class itself and has resources its parent cannot see. */
    private static final class PluginLoader extends ClassLoader {
        private final String className;
        private final Path resources;

        PluginLoader(String className, Path resources) {
            super("plugin", ResourceExerciseTest.class.getClassLoader());
            this.className = className;
            this.resources = resources;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.equals(className)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return c;
            }
        }

        @Override
        protected URL findResource(String name) {
            Path p = resources.resolve(name);
            try {
                return Files.isRegularFile(p) ? p.toUri().toURL() : null;
            } catch (MalformedURLException e) {
                return null;
            }
        }
    }
}
