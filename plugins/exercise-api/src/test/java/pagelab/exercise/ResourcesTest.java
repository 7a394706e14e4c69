package pagelab.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ResourcesTest {
    @Test
    void instructionsFallBackFromTheLocaleToEnglish() {
        assertThat(Instructions.load(getClass(), "toy/instructions", Locale.SIMPLIFIED_CHINESE)).contains("玩具");
        assertThat(Instructions.load(getClass(), "toy/instructions", Locale.GERMANY)).contains("# Toy");
        assertThat(Instructions.load(getClass(), "toy/instructions", null)).contains("# Toy");
    }

    @Test
    void aMissingResourceIsNamed() {
        assertThatThrownBy(() -> SourceSet.fromResources(getClass(), "toy", "Missing.java"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("toy/Missing.java");
    }

    @Test
    void sourcesLoadInTheOrderGiven() {
        SourceSet s = SourceSet.fromResources(getClass(), "toy", "Hello.java");

        assertThat(s.text("Hello.java")).contains("class Hello");
    }

    @Test
    void sourceFileNamesMustBePlainJavaNames() {
        assertThatThrownBy(() -> SourceSet.of("../evil.java", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDescriptorRefusesAChapterOutsideTheBook() {
        assertThatThrownBy(() -> new ExerciseDescriptor("x", "X", 12, Difficulty.EASY, 5, List.of("g")))
                .hasMessageContaining("chapter must be 13 to 18");
        assertThatThrownBy(() -> new ExerciseDescriptor("Bad Id", "X", 15, Difficulty.EASY, 5, List.of("g")))
                .hasMessageContaining("lower-case");
    }
}
