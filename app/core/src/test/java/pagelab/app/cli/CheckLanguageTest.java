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
    static Path broken;

    @BeforeAll
    static void setUp() throws Exception {
        plugin = SparseCellsPlugin.jar(home.resolve("sparse-cells.jar"));
        starter = SparseCellsPlugin.write(home.resolve("starter"), new SparseCells().starter());
        neverDecommits = SparseCellsPlugin.write(home.resolve("never-decommits"), wrong("never-decommits"));
        offByOne = SparseCellsPlugin.write(home.resolve("off-by-one-layout"), wrong("off-by-one-layout"));
        // the starter with a type error and a method Java 17 does not have in its first class
        Map<String, String> files = new java.util.TreeMap<>(new SparseCells().starter().files());
        String first = files.keySet().iterator().next();
        String text = files.get(first);
        int brace = text.indexOf('{', text.indexOf("class "));
        files.put(first, text.substring(0, brace + 1) + " int broken = \"text\"; int newer() { return java.util.List.of(1)"
                + ".getFirst(); }" + text.substring(brace + 1));
        broken = SparseCellsPlugin.write(home.resolve("broken"), new SourceSet(files));
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
        assertThat(zh).contains("  未通过     0/10  open 预订整张表且不调拨任何页")
                .contains("预期：open 预订整张表并返回 true；实际：open 返回了 false。")
                .contains("提示：用 VirtualAlloc(0, SHEET_SIZE, MEM_RESERVE, PAGE_READWRITE) 预订 SHEET_SIZE 字节")
                .contains("  已跳过     0/10  close 释放整个区域")
                .contains("已跳过：它依赖于“open 预订整张表且不调拨任何页”，而那一项没有通过。")
                .doesNotContain("0/10  open reserves the whole sheet").doesNotContain("hint: Reserve")
                .doesNotContain("Expected").doesNotContain("Skipped");
        // the report's own words (issue 16): the score line, who graded it, the status column, "hint:"
        assertThat(zh).containsPattern("^sparse-cells：\\d+/100 分（\\d+ 项检查通过了 \\d+ 项），用时 \\d+\\.\\d 秒")
                .containsPattern("\n  评分：sparse-cells \\S+，种子 \\d+，隔离：(解答策略|bubblewrap 沙箱)\\R")
                .doesNotContain("points").doesNotContain("graded by").doesNotContain("hint:")
                .doesNotContain("FAIL").doesNotContain("PASS").doesNotContain("PARTIAL").doesNotContain("SKIPPED");
    }

    @Test
    void englishIsTheReportAsItAlwaysWas() {
        String en = check("--lang", "en");

        assertThat(en).containsPattern("^sparse-cells: \\d+/100 points \\(\\d+ of \\d+ checks passed\\) in \\d+\\.\\d s\\R"
                        + "  graded by sparse-cells \\S+, seed \\d+, isolation: (policy|bubblewrap)\\R")
                .containsPattern("\n  FAIL      0/10  open reserves the whole sheet and commits nothing\\R"
                        + " {16}\\S.*\\R {16}hint: Reserve SHEET_SIZE bytes")
                .contains("  SKIPPED   0/10  close ");
    }

    @Test
    void aSolutionThatDoesNotCompileReadsJavacsMessagesInChinese() {
        String zh = check(broken, "--lang", "zh-CN");
        String en = check(broken, "--lang", "en");

        // javac's own Chinese, with file and line as javac gives them, and PageLab's words around it
        assertThat(zh).contains("源代码无法编译：").containsPattern("\n  \\w+\\.java:\\d+:\\d+: 错误：不兼容的类型")
                .contains("找不到符号：List.getFirst() 是 Java 21 才加入的，而解答按 Java 17 编译，Java 17 没有它")
                .containsPattern("检查没有运行：解答无法编译（共 \\d+ 项检查，100 分）")
                .doesNotContain("incompatible types").doesNotContain("cannot find symbol").doesNotContain("error:")
                .doesNotContain("Checks not run");
        assertThat(en).contains("The sources do not compile:")
                .containsPattern("\n  \\w+\\.java:\\d+:\\d+: error: incompatible types: ")
                .contains("error: cannot find symbol: List.getFirst() came with Java 21, but solutions are compiled "
                        + "as Java 17, which does not have it")
                .containsPattern("Checks not run: the solution does not compile \\(\\d+ checks, 100 points\\)");
    }

    @Test
    void gradescopeOutputOfASolutionThatDoesNotCompileIsChinese() throws Exception {
        String json = check(broken, "--lang", "zh-CN", "--format", "gradescope");
        var root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);

        assertThat(root.get("output").asText()).contains("0 分：源代码无法编译：").contains("错误：不兼容的类型")
                .doesNotContain("Score 0");
        var test = root.get("tests").get(0);
        assertThat(test.get("name").asText()).isEqualTo("open 预订整张表且不调拨任何页");
        assertThat(test.get("output").asText()).startsWith("未通过：解答无法编译：").contains("错误：")
                .doesNotContain("FAIL").doesNotContain("does not compile");
    }

    @Test
    void aKnownWrongSolutionReadsItsMessagesWithTheirAddressesInChinese() {
        String zh = check(neverDecommits, "--lang", "zh-CN");
        String en = check(neverDecommits, "--lang", "en");

        assertThat(zh).contains("部分通过   2/15  清除页上最后一个单元格时撤销调拨该页")
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
                .containsPattern("提示：0x[0-9A-F]{8} 处的写入落在 cells\\[0\\]\\[31\\] 之外")
                .contains("解答抛出了 java.lang.ArrayIndexOutOfBoundsException")
                // Win32Names.exception's English words, said by the host around the names (issue 16)
                .containsPattern("EXCEPTION_ACCESS_VIOLATION \\(0xC0000005\\)（(写入|读取) 0x[0-9A-F]{8} 时）")
                .doesNotContainPattern("EXCEPTION_ACCESS_VIOLATION \\(0xC0000005\\) (writing|reading)")
                .doesNotContain("crashed the process").doesNotContain("The solution threw");
    }

    @Test
    void englishIsTheChecksOwnText() {
        String en = check("--lang", "en");

        assertThat(en).contains("open reserves the whole sheet and commits nothing")
                .contains("hint: Reserve SHEET_SIZE bytes with VirtualAlloc").doesNotContain("预订");
    }

    @Test
    void gradeLangGivesTheNotesAndMessagesOfTheGradebooksInChinese() throws Exception {
        Path cls = home.resolve("class");
        SparseCellsPlugin.write(cls.resolve("alice"), new SparseCells().starter());
        SparseCellsPlugin.write(cls.resolve("bob"), new SourceSet(java.util.Map.copyOf(readAll(broken))));
        java.nio.file.Files.createDirectories(cls.resolve("carol")); // nothing handed in
        for (String lang : List.of("zh-CN", "en")) {
            Path csv = home.resolve("grades-" + lang + ".csv");
            Path json = home.resolve("grades-" + lang + ".json");
            StringWriter out = new StringWriter();
            PageLabCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), Map.of("PAGELAB_HOME",
                    home.resolve("data").toString()), "--plugins", plugin.toString(), "grade", "sparse-cells",
                    cls.toString(), "--out", csv.toString(), "--json", json.toString(), "--jobs", "1", "--lang", lang);
            String book = java.nio.file.Files.readString(csv);
            var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
            String aliceMessage = tree.get("students").get(0).get("checks").get("reservesOnOpen").get("message")
                    .asText();
            if (lang.equals("zh-CN")) {
                // the columns and statuses stay for programs; the note and the messages are for students
                assertThat(book).startsWith("student,points,max_points,percent,status,")
                        .containsPattern("\\nbob,0,100,0\\.0,compile-error,.*,解答无法编译：\\w+\\.java:\\d+:\\d+: "
                                + "错误：不兼容的类型.*（另有 1 个错误）\\r\\n");
                assertThat(aliceMessage).contains("预期：");
                assertThat(tree.get("checks").get(0).get("title").asText()).isEqualTo("open 预订整张表且不调拨任何页");
                assertThat(tree.get("students").get(1).get("reason").asText()).startsWith("解答无法编译：");
                assertThat(out.toString()).contains("compile-error: bob: 解答无法编译：");
                assertThat(book).contains("\ncarol,0,100,0.0,not-graded,").contains(",carol 中没有 .java 文件\r\n");
            } else {
                assertThat(book).containsPattern("\\nbob,0,100,0\\.0,compile-error,.*,The solution does not compile: "
                        + "\\w+\\.java:\\d+:\\d+: error: incompatible types.* \\(and 1 more errors\\)\\r\\n");
                assertThat(aliceMessage).startsWith("Expected");
                assertThat(book).contains(",no .java files in carol\r\n");
                assertThat(tree.get("checks").get(0).get("title").asText())
                        .isEqualTo("open reserves the whole sheet and commits nothing");
            }
        }
    }

    private static Map<String, String> readAll(Path dir) throws java.io.IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        try (var list = java.nio.file.Files.list(dir)) {
            for (Path f : list.toList()) {
                files.put(f.getFileName().toString(), java.nio.file.Files.readString(f));
            }
        }
        return files;
    }
}
