package pagelab.app.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import pagelab.app.results.GradescopeReport;

class GradescopeAutograderTest {
    private static final GradescopeReport.Visibility SHOWN = new GradescopeReport.Visibility("visible", "hidden");

    @Test
    void runAutograderPassesTheLanguageOnToCheck() {
        String script = Templates.text("run_autograder",
                GradescopeAutograder.values("sparse-cells", "sparse-cells 1.0", 100, SHOWN, "0.1.0", "zh-CN"));
        assertThat(script).contains("check sparse-cells \"$root/submission\" --graded --format gradescope --lang zh-CN \\");
    }

    @Test
    void withoutALanguageCheckUsesTheMachinesLocale() {
        String script = Templates.text("run_autograder",
                GradescopeAutograder.values("sparse-cells", "sparse-cells 1.0", 100, SHOWN, "0.1.0", null));
        assertThat(script).contains("--format gradescope \\").doesNotContain("--lang");
    }

    @Test
    void aLanguageThatIsNoTagNeverReachesTheScript() {
        assertThatThrownBy(() -> GradescopeAutograder.values("sparse-cells", "p", 1, SHOWN, "0.1.0", "zh; rm -rf /"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("language tag");
    }
}
