package pagelab.exercises.sparsecells;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import pagelab.testkit.DocSnippets;

/**
 * The instructor guide's code is cut from this exercise's sources. Run with {@code -Dsnippets.update=true} to
 * refresh the guide after changing a tagged region.
 */
class InstructorGuideTest {
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path GUIDE = ROOT.resolve("docs/instructor-guide.md");

    @Test
    void everySnippetMatchesItsTaggedSource() throws Exception {
        if (Boolean.getBoolean("snippets.update")) {
            Files.writeString(GUIDE, DocSnippets.update(GUIDE, ROOT), StandardCharsets.UTF_8);
        }
        assertThat(DocSnippets.mismatches(GUIDE, ROOT)).isEmpty();
    }
}
