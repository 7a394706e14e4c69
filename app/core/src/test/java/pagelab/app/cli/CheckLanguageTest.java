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
import pagelab.exercise.SourceSet;
import pagelab.exercises.sparsecells.SparseCells;

/** {@code pagelab check --lang}: the exercise's own translation of check titles, messages and hints (issue 16). */
class CheckLanguageTest {
    @TempDir
    static Path home;
    static Path plugin;
    static Path starter;
    static Path neverDecommits;
    static Path offByOne;

    @BeforeAll
    static void setUp() throws Exception {
        plugin = SparseCellsPlugin.jar(home.resolve("sparse-cells.jar"));
        starter = SparseCellsPlugin.write(home.resolve("starter"), new SparseCells().starter());
        neverDecommits = SparseCellsPlugin.write(home.resolve("never-decommits"), wrong("never-decommits"));
        offByOne = SparseCellsPlugin.write(home.resolve("off-by-one-layout"), wrong("off-by-one-layout"));
    }

    static SourceSet wrong(String name) {
        return new SparseCells().knownWrong().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow()
                .sources();
    }

    static String check(String... more) {
        return check(starter, more);
    }

    static String check(Path solution, String... more) {
        StringWriter out = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--plugins", plugin.toString(), "check", "sparse-cells",
                solution.toString()));
        all.addAll(List.of(more));
        PageLabCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), Map.of("PAGELAB_HOME",
                home.resolve("data").toString()), all.toArray(String[]::new));
        return out.toString();
    }

    @Test
    void theStarterInSimplifiedChineseHasChineseTitlesAndHints() {
        String zh = check("--lang", "zh-CN");

        // Titles, messages and hints come from the exercise's checks_zh_CN.properties; the sentences of the API
        // itself ("Expected ..., but ...", "Skipped: ...") from PageLab's own.
        assertThat(zh).contains("FAIL      0/10  open 预订整张表且不调拨任何页")
                .contains("预期：open 预订整张表并返回 true；实际：open 返回了 false。")
                .contains("hint: 用 VirtualAlloc(0, SHEET_SIZE, MEM_RESERVE, PAGE_READWRITE) 预订 SHEET_SIZE 字节")
                .contains("SKIPPED   0/10  close 释放整个区域")
                .contains("已跳过：它依赖于“open 预订整张表且不调拨任何页”，而那一项没有通过。")
                .doesNotContain("0/10  open reserves the whole sheet").doesNotContain("hint: Reserve")
                .doesNotContain("Expected").doesNotContain("Skipped");
    }

    @Test
    void aKnownWrongSolutionReadsItsMessagesWithTheirAddressesInChinese() {
        String zh = check(neverDecommits, "--lang", "zh-CN");
        String en = check(neverDecommits, "--lang", "en");

        assertThat(zh).contains("PARTIAL   2/15  清除页上最后一个单元格时撤销调拨该页")
                .containsPattern("页 0x[0-9A-F]{8} 的最后一个单元格清除后，该页处于 MEM_COMMIT；预期为 MEM_RESERVE")
                .doesNotContain("after its last cell was cleared");
        assertThat(en).containsPattern("page 0x[0-9A-F]{8} is MEM_COMMIT after its last cell was cleared; expected "
                + "MEM_RESERVE");
    }

    @Test
    void aCrashAndTheHintThatNamesItsAddressesAreChineseToo() {
        String zh = check(offByOne, "--lang", "zh-CN");

        assertThat(zh).containsPattern("setCell\\(0, 31, \\.\\.\\.\\) 使进程崩溃：EXCEPTION_ACCESS_VIOLATION .*没有任何 "
                + "__except 过滤器处理它")
                .containsPattern("hint: 0x[0-9A-F]{8} 处的写入落在 cells\\[0\\]\\[31\\] 之外")
                .contains("解答抛出了 java.lang.ArrayIndexOutOfBoundsException")
                .doesNotContain("crashed the process").doesNotContain("The solution threw");
    }

    @Test
    void englishIsTheChecksOwnText() {
        String en = check("--lang", "en");

        assertThat(en).contains("open reserves the whole sheet and commits nothing")
                .contains("hint: Reserve SHEET_SIZE bytes with VirtualAlloc").doesNotContain("预订");
    }
}
