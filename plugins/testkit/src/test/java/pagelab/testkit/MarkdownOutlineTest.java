package pagelab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownOutlineTest {
    private static final String ENGLISH = """
            # Title

            Some words.

            ```c
            #pragma data_seg("Shared")
            ```

            ## Your task

            | a | b |
            |---|---|
            | 1 | 2 |
            | 3 | 4 |

            - first item
              continued
            - second item

            ## Going further
            """;

    @Test
    void aTranslationWithTheSameBlocksInOtherWordsMatches() {
        String chinese = ENGLISH.replace("Title", "标题").replace("Some words.", "一些话。")
                .replace("Your task", "你的任务").replace("first item\n  continued", "第一项，\n  接着说")
                .replace("Going further", "进一步思考");

        assertThat(MarkdownOutline.difference(ENGLISH, chinese, "zh")).isEmpty();
    }

    @Test
    void headingsCodeBlocksTablesAndListsAreTheOutlineAndAHashInCodeIsNoHeading() {
        assertThat(MarkdownOutline.of(ENGLISH)).extracting(MarkdownOutline.Block::kind).containsExactly(
                "h1", "code block", "h2", "table of 3 rows", "list of 2 items", "h2");
    }

    @Test
    void aMissingHeadingIsNamedWithItsEnglishLine() {
        String shorter = ENGLISH.replace("## Going further\n", "");

        assertThat(MarkdownOutline.difference(ENGLISH, shorter, "zh"))
                .startsWith("zh lacks the English h2 at line 20 (## Going further)");
    }

    @Test
    void aMissingTableRowCodeBlockOrListItemIsADifference() {
        assertThat(MarkdownOutline.difference(ENGLISH, ENGLISH.replace("| 3 | 4 |\n", ""), "zh"))
                .contains("table of 2 rows").contains("table of 3 rows");
        assertThat(MarkdownOutline.difference(ENGLISH, ENGLISH.replace("- second item\n", ""), "zh"))
                .contains("list of 1 items").contains("list of 2 items");
        assertThat(MarkdownOutline.difference(ENGLISH,
                ENGLISH.replace("```c\n#pragma data_seg(\"Shared\")\n```\n", ""), "zh"))
                .contains("where the English has a code block");
    }

    @Test
    void aHeadingOfAnotherLevelIsADifference() {
        assertThat(MarkdownOutline.difference(ENGLISH, ENGLISH.replace("## Your task", "### Your task"), "zh"))
                .contains("h3").contains("where the English has a h2");
    }
}
