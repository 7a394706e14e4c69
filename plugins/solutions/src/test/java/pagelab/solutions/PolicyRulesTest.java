package pagelab.solutions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules file's lines are cut into fields exactly as a regular expression of blanks would cut them. */
class PolicyRulesTest {
    @Test
    void fieldsCutsLikeSplittingAtRunsOfBlanksWithALimitOfThree() throws IOException {
        List<String> lines = new java.util.ArrayList<>(List.of("allow", "allow java.util.*",
                "deny  java.io.File\tfiles are   the host's, \t not yours", "a b c d e", "x\t\ty"));
        try (InputStream in = PolicyRules.class.getResourceAsStream("solution-rules.txt")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(s -> !s.isEmpty()).forEach(lines::add);
        }

        for (String line : lines) {
            assertThat(PolicyRules.fields(line)).as(line).containsExactly(line.split("\\s+", 3));
        }
    }

    @Test
    void theShippedRulesStillRead() {
        assertThat(PolicyRules.standard().forClass("java.util.ArrayList").allowed()).isTrue();
        assertThat(PolicyRules.standard().forClass("java.io.File").allowed()).isFalse();
    }
}
