package pagelab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnusedFilesTest {
    private static final Path CLASSES = PluginContents.location(AdderExercise.class);

    @Test
    void classesNoExerciseReachesAndResourcesNoExerciseReadsAreUnused(@TempDir Path plugin) throws Exception {
        for (String c : List.of("pagelab/testkit/AdderExercise.class", "pagelab/testkit/AdderChecks.class",
                "example/adder/Adder.class", "pagelab/testkit/FakeMachine.class")) {
            copy(c, plugin);
        }
        write(plugin, "plugin.properties", "plugin.id=adder\n");
        write(plugin, "adder/instructions.md", "# Add");
        write(plugin, "adder/starter/MyAdder.java", "stale copy of an older layout");

        List<String> unused = UnusedFiles.unused(PluginContents.read(plugin), List.of(AdderExercise.class.getName()),
                Set.of("adder/instructions.md"));

        assertThat(unused).containsExactly("adder/starter/MyAdder.java", "pagelab/testkit/FakeMachine.class");
    }

    @Test
    void aClassFolderWithoutAPluginDescriptorIsNoPluginAndIsNotJudged() throws Exception {
        assertThat(PluginContents.read(CLASSES).isPlugin()).isFalse();
        assertThat(UnusedFiles.of(new AdderExercise())).isNull();
    }

    @Test
    void aClassFileNamesTheClassesOfItsConstantPoolAndDescriptors() throws Exception {
        byte[] bytes = Files.readAllBytes(CLASSES.resolve("pagelab/testkit/AdderExercise.class"));

        assertThat(UnusedFiles.referencedClasses(bytes)).contains("pagelab/testkit/AdderChecks", "example/adder/Adder",
                "pagelab/exercise/KnownWrongSolution", "java/util/List");
    }

    private static void copy(String path, Path plugin) throws Exception {
        Files.createDirectories(plugin.resolve(path).getParent());
        Files.copy(CLASSES.resolve(path), plugin.resolve(path));
    }

    private static void write(Path plugin, String path, String text) throws Exception {
        Files.createDirectories(plugin.resolve(path).getParent());
        Files.writeString(plugin.resolve(path), text);
    }
}
