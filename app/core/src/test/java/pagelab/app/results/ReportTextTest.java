package pagelab.app.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import pagelab.exercise.CheckStatus;
import pagelab.solutions.CompileDiagnostic;
import pagelab.solutions.CompiledSolution;
import pagelab.solutions.PolicyViolation;
import pagelab.testkit.EnglishWords;

/** PageLab's own report words in both languages (issue 16). */
class ReportTextTest {
    private static final CompileDiagnostic ERROR = new CompileDiagnostic("Solution.java", 12, 5, true,
            "cannot find symbol: List.getFirst() came with Java 21, but solutions are compiled as Java 17, which does "
                    + "not have it");
    private static final CompileDiagnostic WARNING = new CompileDiagnostic(null, 0, 0, false, "a note");
    private static final PolicyViolation EXIT = new PolicyViolation("Solution.java", 3, "System.exit(int)",
            "a solution must return its result");

    @Test
    void everyLanguageTheCompilerRendersJavacsMessagesInHasTheseWords() {
        // Grader has javac's messages rendered in these; a language without report words would waste that
        assertThat(ReportText.LANGUAGES).isNotEmpty().allSatisfy(l -> assertThat(ReportText.of(l).english()).isFalse());
    }

    @Test
    void everyKeyHasATranslationInBothLanguagesAndEveryPatternParses() throws IOException {
        Properties en = load("report.properties");
        Properties zh = load("report_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (String key : en.stringPropertyNames()) {
            // same arguments in both languages, and both parse
            assertThat(arguments(zh.getProperty(key))).as(key).isEqualTo(arguments(en.getProperty(key)));
            new MessageFormat(zh.getProperty(key));
            assertThat(zh.getProperty(key)).as(key).isNotBlank().isNotEqualTo(en.getProperty(key));
            // no English word outside arguments and code ("bubblewrap" is a program's name, ".java" a file's type)
            assertThat(zh.getProperty(key).replaceAll("\\{[^}]*}", "").replace("bubblewrap", "")
                    .replaceAll("\\.[a-z]+\\b", "")).as(key)
                    .doesNotContainPattern("\\b[a-z]{3,}\\b");
        }
    }

    @Test
    void everyKeyTheSourceUsesExists() throws IOException {
        Set<String> keys = load("report.properties").stringPropertyNames();
        Pattern use = Pattern.compile("\\b(?:text|t)\\.(?:get|format)\\(\"([a-zA-Z0-9_.]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = use.matcher(Files.readString(f));
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void englishSaysExactlyWhatTheSolutionsModuleSays() {
        ReportText t = ReportText.of(Locale.ENGLISH);
        assertThat(t.english()).isTrue();
        assertThat(t.diagnostic(ERROR)).isEqualTo(ERROR.toString());
        assertThat(t.diagnostic(WARNING)).isEqualTo(WARNING.toString());
        assertThat(t.violation(EXIT)).isEqualTo(EXIT.toString());
        for (CompiledSolution c : List.of(new CompiledSolution(List.of(ERROR), List.of(), null, List.of()),
                new CompiledSolution(List.of(ERROR, ERROR, WARNING), List.of(), null, List.of()),
                new CompiledSolution(List.of(), List.of(EXIT), Path.of("x"), List.of("Solution")),
                new CompiledSolution(List.of(WARNING), List.of(EXIT, EXIT), Path.of("x"), List.of("Solution")))) {
            assertThat(t.summary(c)).isEqualTo(c.summary());
            assertThat(t.markers(c)).isEqualTo(c.markers());
        }
        assertThat(t.status(CheckStatus.PARTIAL)).isEqualTo("PARTIAL");
        assertThat(t.statusWidth()).isEqualTo(7);
    }

    @Test
    void chineseSaysItInChineseAndKeepsCodeAndPlaces() {
        ReportText t = ReportText.of(Locale.forLanguageTag("zh-CN"));
        assertThat(t.english()).isFalse();
        assertThat(t.diagnostic(ERROR)).isEqualTo("Solution.java:12:5: 错误：cannot find symbol：List.getFirst() 是 Java "
                + "21 才加入的，而解答按 Java 17 编译，Java 17 没有它");
        assertThat(t.violation(EXIT)).isEqualTo("Solution.java:3: 不允许使用 System.exit(int)：a solution must return its "
                + "result");
        assertThat(t.summary(new CompiledSolution(List.of(ERROR, ERROR), List.of(), null, List.of())))
                .startsWith("解答无法编译：Solution.java:12:5: 错误：").endsWith("（另有 1 个错误）");
        assertThat(t.status(CheckStatus.FAIL)).isEqualTo("未通过");
        assertThat(ReportText.pad("通过", 8)).isEqualTo("通过    ");
        assertThat(ReportText.of(Locale.FRENCH).english()).isTrue();
        assertThat(ReportText.locale("zh_CN")).isEqualTo(Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void faultWordsAroundWin32NamesAreSaidInChineseAndOnlyThere() {
        ReportText zh = ReportText.of(Locale.SIMPLIFIED_CHINESE);
        assertThat(zh.faults("setCell(0, 31, ...) 使进程崩溃：EXCEPTION_ACCESS_VIOLATION (0xC0000005) writing 0x00B40000，没有"))
                .isEqualTo("setCell(0, 31, ...) 使进程崩溃：EXCEPTION_ACCESS_VIOLATION (0xC0000005)（写入 0x00B40000 时），没有");
        assertThat(zh.faults("EXCEPTION_ACCESS_VIOLATION (0xC0000005) executing 0x0000000140001000"))
                .isEqualTo("EXCEPTION_ACCESS_VIOLATION (0xC0000005)（执行 0x0000000140001000 时）");
        assertThat(zh.faults("STATUS_GUARD_PAGE_VIOLATION (0x80000001) at 0x0012E000; exception 0xE0000001"))
                .isEqualTo("STATUS_GUARD_PAGE_VIOLATION (0x80000001)（位于 0x0012E000）; 异常 0xE0000001");
        assertThat(zh.faults("reading 0x00B40000 alone")).isEqualTo("reading 0x00B40000 alone");
        String en = "EXCEPTION_ACCESS_VIOLATION (0xC0000005) writing 0x00B40000";
        assertThat(ReportText.ENGLISH.faults(en)).isSameAs(en);
    }

    @Test
    void theSimulatorsWordsWhenAProcessEndsAreSaidInChinese() {
        ReportText zh = ReportText.of(Locale.SIMPLIFIED_CHINESE);
        assertThat(zh.faults("解答运行期间，模拟的进程结束了（退出码 0xC0000005）：process 4 has ended: unhandled exception "
                + "0xC0000005 (access violation: write to 0x00B40000)"))
                .isEqualTo("解答运行期间，模拟的进程结束了（退出码 0xC0000005）：进程 4 已结束：未处理的异常 0xC0000005（访问违规：写入 "
                        + "0x00B40000）");
        assertThat(zh.faults("process 4: the same fault (guard page violation at 0x0012E000) was continued 100 times "
                + "without being cured: a filter returned EXCEPTION_CONTINUE_EXECUTION but did not fix the page"))
                .isEqualTo("进程 4：同一个异常（保护页违规，位于 0x0012E000）被继续执行了 100 次仍未消除：某个过滤器返回了 "
                        + "EXCEPTION_CONTINUE_EXECUTION，却没有修复那一页");
        assertThat(zh.faults("process 8 has ended: heap corruption in heap 0x150000: block 0x150580 was freed twice "
                + "(HeapEnableTerminationOnCorruption ends the process with STATUS_HEAP_CORRUPTION 0xC0000374)"))
                .isEqualTo("进程 8 已结束：堆 0x150000 已损坏：块 0x150580 被释放了两次（HeapEnableTerminationOnCorruption 使进程以 "
                        + "STATUS_HEAP_CORRUPTION 0xC0000374 结束）");
        assertThat(zh.faults("terminated with exit code 3")).isEqualTo("以退出码 3 终止");
        assertThat(zh.processDetail("stack 0x30000-0x130000")).isEqualTo("栈 0x30000-0x130000");
        assertThat(zh.processDetail("exit code 0")).isEqualTo("退出码 0");
        assertThat(zh.processDetail("exit code 0x0: the machine was shut down")).isEqualTo("退出码 0x0：机器已关闭");
        assertThat(zh.processDetail("exit code 0xC00000FD: unhandled exception 0xC00000FD (stack overflow)"))
                .isEqualTo("退出码 0xC00000FD：未处理的异常 0xC00000FD（栈溢出）");
        assertThat(zh.processDetail("C:\\PageLab\\blank.exe")).isEqualTo("C:\\PageLab\\blank.exe");
        assertThat(ReportText.ENGLISH.processDetail("stack 0x30000-0x130000")).isEqualTo("stack 0x30000-0x130000");
    }

    @Test
    void whyASubmissionWasNotGradedIsSaidInChinese() {
        ReportText zh = ReportText.of(Locale.SIMPLIFIED_CHINESE);
        assertThat(zh.problem("no .java files in carol")).isEqualTo("carol 中没有 .java 文件");
        assertThat(zh.problem("cannot read dee/S.java: it is not text: it holds a NUL byte on line 3; the file was left "
                + "as it is")).isEqualTo("无法读取 dee/S.java：它不是文本：第 3 行有一个 NUL 字节；文件保持原样");
        assertThat(zh.problem("cannot read e/S.java: it is in no encoding PageLab knows (UTF-8, GBK, GB18030 or "
                + "windows-1252): the first byte that is not UTF-8 is 0x81 on line 2"))
                .isEqualTo("无法读取 e/S.java：它不是 PageLab 认识的任何编码（UTF-8、GBK、GB18030或windows-1252）：第一个不属于 "
                        + "UTF-8 的字节是第 2 行的 0x81");
        assertThat(zh.problem("something new")).isEqualTo("something new");
        assertThat(ReportText.ENGLISH.problem("no .java files in carol")).isEqualTo("no .java files in carol");
    }

    @Test
    void everyReasonOfTheSolutionPolicyHasItsChinese() throws IOException {
        ReportText zh = ReportText.of(Locale.SIMPLIFIED_CHINESE);
        Set<String> missing = new TreeSet<>();
        try (InputStream in = PolicyViolation.class.getResourceAsStream("/pagelab/solutions/solution-rules.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (line.startsWith("deny")) {
                    String reason = line.replaceFirst("^deny\\s+\\S+\\s+", "").strip();
                    String t = zh.reason(reason);
                    // English words outside code (System.exit, java.base, try/finally) mean no translation
                    if (t.equals(reason) || EnglishWords.lowerCaseIn(t)) {
                        missing.add(ReportText.slug(reason) + "=" + reason);
                    }
                }
            }
        }
        assertThat(missing).as("add them to policy_zh_CN.properties").isEmpty();
        assertThat(zh.violation(EXIT)).isEqualTo("Solution.java:3: 不允许使用 System.exit(int)：a solution must return its "
                + "result");
        assertThat(zh.violation(new PolicyViolation("S.java", 4, "System.exit(int)", "a solution must return its result; "
                + "System.exit would end the grading JVM")))
                .isEqualTo("S.java:4: 不允许使用 System.exit(int)：解答必须返回它的结果；System.exit 会结束评分 JVM");
        assertThat(zh.violation(new PolicyViolation("S.java", 0, "3 more uses", "the same rules apply")))
                .isEqualTo("S.java: 不允许使用 另外 3 处使用：规则相同");
    }

    @Test
    void evidenceLinesKeepTheirNotationAndSayTheirWordsInChinese() {
        ReportText zh = ReportText.of(Locale.SIMPLIFIED_CHINESE);
        assertThat(zh.evidenceLine("#12 VirtualAlloc(0x00000000, 0x10000, MEM_RESERVE, PAGE_READWRITE) = 0x00230000  at "
                + "SparseSpreadsheet.java:31")).isEqualTo("#12 VirtualAlloc(0x00000000, 0x10000, MEM_RESERVE, "
                + "PAGE_READWRITE) = 0x00230000  位于 SparseSpreadsheet.java:31");
        assertThat(zh.evidenceLine("#3 THREAD_CREATED stack 0x30000-0x130000")).isEqualTo("#3 THREAD_CREATED 栈 0x30000-0x130000");
        assertThat(zh.evidenceLine("#9 EXCEPTION_ACCESS_VIOLATION (0xC0000005) writing 0x00B40000 -> UNHANDLED  at S.java:4"))
                .isEqualTo("#9 EXCEPTION_ACCESS_VIOLATION (0xC0000005)（写入 0x00B40000 时） -> UNHANDLED  位于 S.java:4");
        assertThat(zh.evidenceLine("expected: MEM_RESERVE")).isEqualTo("预期：MEM_RESERVE");
        assertThat(ReportText.ENGLISH.evidenceLine("expected: x")).isEqualTo("expected: x");
    }

    private static Set<String> arguments(String pattern) {
        Set<String> out = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)").matcher(pattern);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ReportText.class.getResourceAsStream("/pagelab/app/results/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
