package pagelab.app.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import pagelab.app.results.KnownTexts.Known;

class KnownTextsTest {
    static final KnownTexts TEXTS = KnownTexts.of(
            new Known("Thread stack \\(TID (\\d+)\\)", "stack"),
            new Known("(.+) \\(relocated from (0x[0-9A-F]+)\\)", "relocated"),
            new Known("(.+) \\(relocated( early)?\\)", "relocatedEarly"),
            new Known(Pattern.compile("failed: (.+)", Pattern.DOTALL), "failed"),
            new Known("failed: .*", "never: the first shape that fits wins"));

    @Test
    void aTextOfAKnownShapeGivesItsKeyAndItsPartsInOrder() {
        KnownTexts.Match m = TEXTS.match("C:\\a.exe (relocated from 0x400000)").orElseThrow();

        assertThat(m.key()).isEqualTo("relocated");
        assertThat(m.groups()).containsExactly("C:\\a.exe", "0x400000");
        assertThat(m.arguments()).containsExactly("C:\\a.exe", "0x400000");
        assertThat(TEXTS.match("Thread stack (TID 4)").orElseThrow().groups()).containsExactly("4");
    }

    @Test
    void thePatternMustFitTheWholeTextAndTheFirstThatFitsWins() {
        assertThat(TEXTS.match("the Thread stack (TID 4)")).isEmpty();
        assertThat(TEXTS.match("Thread stack (TID 4) and more")).isEmpty();
        assertThat(TEXTS.match(null)).isEmpty();
        assertThat(TEXTS.match("failed: one\ntwo").orElseThrow().key()).isEqualTo("failed");
    }

    @Test
    void anOptionalGroupThatTookNothingIsNullAndTheArgumentsAreTheCallersToChange() {
        KnownTexts.Match m = TEXTS.match("a.dll (relocated)").orElseThrow();

        assertThat(m.groups()).containsExactly("a.dll", null);
        Object[] args = m.arguments();
        args[0] = "b.dll";
        assertThat(Arrays.asList(m.arguments())).isEqualTo(Arrays.asList("a.dll", null));
    }

    @Test
    void theKeysInOrder() {
        assertThat(TEXTS.keys()).isEqualTo(List.of("stack", "relocated", "relocatedEarly", "failed",
                "never: the first shape that fits wins"));
    }
}
