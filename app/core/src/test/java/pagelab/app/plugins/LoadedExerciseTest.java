package pagelab.app.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import example.tiny.TinyExercise;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** An exercise's title in the reader's language comes from its translated instructions, else stays English. */
class LoadedExerciseTest {

    /** The tiny exercise with a Chinese translation of its instructions. */
    static class Translated extends TinyExercise {
        @Override
        public String instructions(Locale locale) {
            return locale != null && locale.getLanguage().equals("zh") ? "\n# 答案\n返回 42。" : super.instructions(locale);
        }

        @Override
        public List<Locale> translations() {
            return List.of(Locale.SIMPLIFIED_CHINESE);
        }
    }

    /** A plugin whose translation cannot be read. */
    static final class Broken extends Translated {
        @Override
        public String instructions(Locale locale) {
            throw new IllegalStateException("resource missing");
        }
    }

    private static LoadedExercise loaded(TinyExercise e) {
        return LoadedExercise.of(e, "tiny-plugin", "1.0.0", Path.of("tiny.jar"), List.of());
    }

    @Test
    void theTitleComesFromTheFirstHeadingOfTheTranslatedInstructions() {
        LoadedExercise e = loaded(new Translated());
        assertThat(e.title(Locale.SIMPLIFIED_CHINESE)).isEqualTo("答案");
        assertThat(e.title(Locale.forLanguageTag("zh"))).isEqualTo("答案");
        assertThat(e.title(Locale.ENGLISH)).isEqualTo("The answer");
        assertThat(e.title(null)).isEqualTo("The answer");
    }

    @Test
    void withoutATranslationOrWhenItCannotBeReadTheTitleStaysEnglish() {
        assertThat(loaded(new TinyExercise()).title(Locale.SIMPLIFIED_CHINESE)).isEqualTo("The answer");
        assertThat(loaded(new Translated()).title(Locale.GERMAN)).isEqualTo("The answer");
        assertThat(loaded(new Broken()).title(Locale.SIMPLIFIED_CHINESE)).isEqualTo("The answer");
    }
}
