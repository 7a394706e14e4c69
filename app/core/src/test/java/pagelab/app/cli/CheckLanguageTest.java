package pagelab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.exercises.sparsecells.SparseCells;

/** {@code pagelab check --lang}: the exercise's own translation of check titles and hints (issue 16). */
class CheckLanguageTest {
    @TempDir
    static Path home;
    static Path plugin;
    static Path starter;

    @BeforeAll
    static void setUp() throws Exception {
        plugin = SparseCellsPlugin.jar(home.resolve("sparse-cells.jar"));
        starter = SparseCellsPlugin.write(home.resolve("starter"), new SparseCells().starter());
    }

    static String check(String... more) {
        StringWriter out = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--plugins", plugin.toString(), "check", "sparse-cells",
                starter.toString()));
        all.addAll(List.of(more));
        PageLabCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), Map.of("PAGELAB_HOME",
                home.resolve("data").toString()), all.toArray(String[]::new));
        return out.toString();
    }

    @Test
    void theStarterInSimplifiedChineseHasChineseTitlesAndHints() {
        String zh = check("--lang", "zh-CN");

        // Titles and hints come from the exercise's checks_zh_CN.properties; messages are still English (issue 16).
        assertThat(zh).contains("FAIL      0/10  open 预订整张表且不调拨任何页")
                .contains("hint: 用 VirtualAlloc(0, SHEET_SIZE, MEM_RESERVE, PAGE_READWRITE) 预订 SHEET_SIZE 字节")
                .contains("SKIPPED   0/10  close 释放整个区域")
                .doesNotContain("0/10  open reserves the whole sheet").doesNotContain("hint: Reserve");
    }

    @Test
    void englishIsTheChecksOwnText() {
        String en = check("--lang", "en");

        assertThat(en).contains("open reserves the whole sheet and commits nothing")
                .contains("hint: Reserve SHEET_SIZE bytes with VirtualAlloc").doesNotContain("预订");
    }
}
