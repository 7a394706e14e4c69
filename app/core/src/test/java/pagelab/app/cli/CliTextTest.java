package pagelab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.exercise.Difficulty;

/** The command line's own words on the terminal in both languages (issue 16). */
class CliTextTest {
    /** Lower-case words that may stand in Chinese text: commands and their arguments, programs, file types. */
    static final Set<String> CODE_WORDS = Set.of("pagelab", "list", "init", "check", "grade", "keys", "plugin",
            "install", "remove", "disable", "enable", "kit", "help", "verify-plugin", "verify-result", "merge-grades",
            "autograder", "run_autograder", "bubblewrap", "bwrap", "jar", "zip", "mvn",
            "package", "gradescope", "github", "folder", "auto", "required", "off", "text", "json", "junit", "visible",
            "hidden", "after_due_date", "after_published", "graded", "compile-error", "rejected", "timeout", "crashed",
            "checker-error", "not-graded", "all", "en", "zh-CN", "child-runtime", "jlink");

    private static final Locale DEFAULT = Locale.getDefault();

    @TempDir
    Path home;

    @AfterEach
    void restore() {
        Locale.setDefault(DEFAULT);
    }

    @Test
    void everyKeyHasChineseThatIsNotTheEnglishWithTheSameArguments() throws IOException {
        Properties en = load("cli.properties");
        Properties zh = load("cli_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        Set<String> untranslated = new TreeSet<>();
        for (String key : en.stringPropertyNames()) {
            String z = zh.getProperty(key);
            assertThat(arguments(z)).as(key).isEqualTo(arguments(en.getProperty(key)));
            if (z.isBlank() || z.equals(en.getProperty(key))) {
                untranslated.add(key + "=" + z);
            }
            englishWords(z.replaceAll("\\{\\d+}", "")).forEach(w -> untranslated.add(key + ": \"" + w + "\" in " + z));
        }
        assertThat(untranslated).isEmpty();
    }

    @Test
    void everyKeyTheSourceUsesExistsAndEveryKeyIsUsed() throws IOException {
        Set<String> keys = load("cli.properties").stringPropertyNames();
        // every dotted string literal of the command line's code is a key, but for these (names, ReportText's keys)
        Pattern literal = Pattern.compile("\"([a-z]+(?:\\.[a-zA-Z]+)+)\"");
        List<String> notKeys = List.of("cli.", "java.", "pagelab.", "pom.", "usage.", "user.");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/pagelab/app/cli"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (notKeys.stream().noneMatch(m.group(1)::startsWith)) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertThat(new TreeSet<>(keys)).as("keys the source uses").containsAll(used);
        // a key made of a prefix and a value ("list.level." + the difficulty) is used when its prefix is
        Set<String> unused = new TreeSet<>(keys);
        unused.removeAll(used);
        unused.removeIf(k -> k.startsWith("list.level."));
        unused.removeAll(List.of("parse.missingValue", "parse.missingOption", "parse.missingParameter", // ParseErrors'
                "parse.unknownOption", "parse.unmatched", "parse.invalidValue")); // table, beside its patterns
        assertThat(unused).as("keys of cli.properties that no source uses").isEmpty();
        for (Difficulty d : Difficulty.values()) {
            assertThat(keys).contains("list.level." + d);
        }
    }

    @Test
    void argumentsAreReplacedOnceAndApostrophesStay() {
        assertThat(CliText.ENGLISH.format("init.next", "{1}")).isEqualTo("Edit the TODOs, then run: {1}");
        assertThat(CliText.ENGLISH.get("start.noDisplay")).contains("PageLab's");
        assertThat(CliText.ENGLISH.get("no.such.key")).isEqualTo("!no.such.key!");
    }

    @Test
    void theLanguageIsTheCommandLinesLangElseTheUsers() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        assertThat(CliText.locale(List.of("list"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(CliText.locale(List.of("check", "x", "--lang", "en"))).isEqualTo(Locale.ENGLISH);
        assertThat(CliText.locale(List.of("check", "x", "--lang=en"))).isEqualTo(Locale.ENGLISH);
        assertThat(CliText.locale(List.of("check", "--", "--lang", "en"))).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(CliText.of(Locale.ENGLISH).english()).isTrue();
        assertThat(CliText.of(Locale.FRENCH).english()).isTrue(); // not spoken: English, not the JVM's Chinese
        assertThat(CliText.of(Locale.SIMPLIFIED_CHINESE).english()).isFalse();
    }

    @Test
    void anErrorAndAHeadingInChineseAndTheSameInEnglish() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        String[] zh = run("check", "nonesuch");
        assertThat(zh[1]).startsWith("pagelab: 没有练习“nonesuch”。已安装：无。请用 pagelab plugin install JAR 安装插件");
        assertThat(run("list")[0]).startsWith("没有安装练习。请把插件 jar 放进 ");

        String[] en = run("check", "nonesuch", "--lang", "en");
        assertThat(en[1]).isEqualTo("pagelab: no exercise 'nonesuch'. Installed: none. Install a plugin with pagelab "
                + "plugin install JAR, or pass --plugins PATH or --dev ROOT." + System.lineSeparator());
        Locale.setDefault(Locale.ENGLISH);
        assertThat(run("list")[0]).startsWith("No exercises installed. Put plugin jars in ");
    }

    @Test
    void theListsHeadingsAndDifficultiesInChineseKeepTheColumnsInLine() throws Exception {
        String jar = SparseCellsPlugin.jar(home.resolve("sparse-cells.jar")).toString();
        Locale.setDefault(Locale.ENGLISH);
        List<String> en = run("--plugins", jar, "list")[0].lines().toList();
        assertThat(en.get(0)).isEqualTo(String.format("%-20s %-3s %-7s %5s  %-40s %s", "ID", "CH", "LEVEL", "MIN",
                "TITLE", "PLUGIN"));
        assertThat(en.get(1)).startsWith("sparse-cells         15  MEDIUM     60  A sparse spreadsheet ");

        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        List<String> zh = run("--plugins", jar, "list")[0].lines().toList();
        assertThat(zh.get(0)).startsWith("练习 ID").contains("难度").contains("标题").contains("插件");
        assertThat(zh.get(1)).startsWith("sparse-cells         15  中等       60  ");
        // the title column starts at the same terminal column in the heading and the rows
        assertThat(pagelab.app.results.ReportText.columns(zh.get(0).substring(0, zh.get(0).indexOf("标题"))))
                .isEqualTo(ListCommand.TITLE_COLUMN);
    }

    @Test
    void aWrongCommandLineIsToldInChineseWithTheChineseUsageAndEnglishAsPicocliSaysIt() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        assertThat(run("check")[1]).startsWith("缺少必需的参数：'ID'" + System.lineSeparator() + "用法：pagelab check");
        assertThat(run("grade", "x", "y")[1]).startsWith("缺少必需的选项：'--out=FILE'");
        assertThat(run("check", "x", "--out")[1]).startsWith("选项 '--out' (FILE) 缺少值");
        assertThat(run("list", "--nonsense")[1]).startsWith("未知的选项：'--nonsense'");
        assertThat(run("chek")[1]).startsWith("无法识别的参数：'chek'" + System.lineSeparator()
                + "您是不是想输入：pagelab check 或 ");
        assertThat(run("list", "--format", "xml")[1]).startsWith("选项 '--format' 的值无效：");

        Locale.setDefault(Locale.ENGLISH);
        assertThat(run("check")[1]).startsWith("Missing required parameter: 'ID'" + System.lineSeparator()
                + "Usage: pagelab check");
        assertThat(run("chek")[1]).startsWith("Unmatched argument at index 0: 'chek'" + System.lineSeparator()
                + "Did you mean: pagelab check or ");
    }

    /** Standard output and error of a command line, with an empty data folder. */
    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PageLabCli.run(new PrintWriter(out), new PrintWriter(err), Map.of("PAGELAB_HOME", home.toString()), args);
        return new String[]{out.toString(), err.toString()};
    }

    /** Lower-case words of three letters or more that are not code, outside paths and options. */
    static List<String> englishWords(String text) {
        String rest = text.replaceAll("(?<![\\w-])--?[a-zA-Z][\\w-]*", " ") // options
                .replaceAll("[\\w.~*$\\\\/-]*[/.~\\\\][\\w.~*$\\\\/-]*", " "); // paths and file names
        Matcher m = Pattern.compile("(?<![a-zA-Z_-])[a-zA-Z][\\w-]*").matcher(rest);
        List<String> words = new java.util.ArrayList<>();
        while (m.find()) {
            String w = m.group();
            if (w.matches("[a-z][a-z_-]{2,}") && !CODE_WORDS.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    private static Set<String> arguments(String pattern) {
        Set<String> args = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d+)}").matcher(pattern);
        while (m.find()) {
            args.add(m.group(1));
        }
        return args;
    }

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CliTextTest.class.getResourceAsStream("/pagelab/app/cli/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
