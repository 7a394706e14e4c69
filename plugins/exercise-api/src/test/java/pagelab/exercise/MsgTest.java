package pagelab.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MsgTest {
    @Test
    void theEnglishIsThePatternFormattedWithTheArguments() {
        Msg m = Msg.of("committed", "committed {0} pages at {1}, expected {2}", 1600, Win32Names.hex(0x00B40000L), 3);

        assertThat(m.english()).isEqualTo("committed 1,600 pages at 0x00B40000, expected 3");
    }

    @Test
    void anApostropheIsJustAnApostrophe() {
        assertThat(Msg.of("data", "cells[{0}][{1}]'s data isn't there", 3, 1).english())
                .isEqualTo("cells[3][1]'s data isn't there");
    }

    @Test
    void aChoiceGivesThePlural() {
        String p = "{0,choice,0#0 pages|1#1 page|1<{0} pages}";

        assertThat(Msg.of("pages", p, 0).english()).isEqualTo("0 pages");
        assertThat(Msg.of("pages", p, 1).english()).isEqualTo("1 page");
        assertThat(Msg.of("pages", p, 12L).english()).isEqualTo("12 pages");
    }

    @Test
    void aTranslationFormatsTheSameArgumentsAndNestedMessagesAreTranslatedToo() {
        Msg inner = Msg.of("pages", "{0} pages", 2);
        Msg outer = Msg.of("committed", "committed {0}", inner);
        Map<String, String> zh = Map.of("committed", "调拨了 {0}", "pages", "{0} 页");

        assertThat(outer.in(zh::get, Locale.SIMPLIFIED_CHINESE)).isEqualTo("调拨了 2 页");
        assertThat(outer.keys()).containsExactly("committed", "pages");
    }

    @Test
    void aMissingOrBrokenTranslationReadsAsTheEnglish() {
        Msg m = Msg.of("lost", "cells[{0}][{1}] lost its data", 0, 0);

        assertThat(m.in(key -> null, Locale.SIMPLIFIED_CHINESE)).isEqualTo("cells[0][0] lost its data");
        assertThat(m.in(key -> "坏的 {0", Locale.SIMPLIFIED_CHINESE)).isEqualTo("cells[0][0] lost its data");
    }

    @Test
    void plainTextIsNeverFormattedOrTranslated() {
        Msg t = Msg.text("javac: {0} expected");

        assertThat(t.keyed()).isFalse();
        assertThat(t.in(key -> "译文", Locale.SIMPLIFIED_CHINESE)).isEqualTo("javac: {0} expected");
    }

    @Test
    void aBrokenPatternOrKeyFailsWhereItIsWritten() {
        assertThatThrownBy(() -> Msg.of("broken", "committed {0 pages")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Msg.of("two words", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two words");
        assertThatThrownBy(() -> Msg.of(null, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyedResultSurvivesJson() throws Exception {
        CheckResult r = CheckResult.fail(Msg.of("at", "{0} at {1}", Msg.of("pages", "{0} pages", 3),
                        Win32Names.hex(0x1000)), Msg.of("none", "none"), Msg.of("some", "{0} of {1}", 2.5, 7L))
                .hint("mode", Msg.of("hint.at", "look at {0}", "0x1000"))
                .scored(new CheckInfo("c", "C", 5, List.of(), 0));
        ObjectMapper json = new ObjectMapper();

        CheckResult back = json.readValue(json.writeValueAsString(r), CheckResult.class);

        assertThat(back).isEqualTo(r);
        assertThat(back.message()).isEqualTo("3 pages at 0x00001000");
        assertThat(back.actual()).isEqualTo("2.50 of 7");
    }
}
