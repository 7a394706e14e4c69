package pagelab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ScopeType;

/** The usage help of every command in Simplified Chinese, and unchanged in English (issue 16). */
class UsageTextTest {
    private static final Locale DEFAULT = Locale.getDefault();
    /** Keys every command shares: picocli's headings and help options, the inherited options, the footer. */
    private static final Set<String> SHARED = Set.of("usage.synopsisHeading", "usage.commandListHeading",
            "mixinStandardHelpOptions.help", "mixinStandardHelpOptions.version", "helpCommand.help",
            "helpCommand.command", UsageText.FOOTER, "data-dir", "plugins", "dev");

    @AfterEach
    void restore() {
        Locale.setDefault(DEFAULT);
    }

    /**
     * Every command, option and positional parameter has its Chinese under the key of its place (and the file has
     * no other keys), with the English's numbers and file names, and no English word but code.
     */
    @Test
    void everyCommandOptionAndParameterHasItsChinese() throws IOException {
        Properties zh = CliTextTest.load("usage_zh_CN.properties");
        Map<String, String> english = new LinkedHashMap<>();
        SHARED.forEach(k -> english.put(k, ""));
        collect(new CommandLine(new PageLabCli(Map.of())), UsageText.ROOT, english);

        Set<String> keys = new TreeSet<>();
        zh.stringPropertyNames().forEach(k -> keys.add(k.replaceFirst("\\.\\d+$", ""))); // a line of usage.description
        assertThat(keys).isEqualTo(new TreeSet<>(english.keySet()));

        Set<String> problems = new TreeSet<>();
        for (Map.Entry<String, String> e : english.entrySet()) {
            String z = String.join(" ", lines(zh, e.getKey()));
            if (z.isBlank() || z.equals(e.getValue())) {
                problems.add(e.getKey() + " is not translated");
            }
            for (String kept : kept(e.getValue())) {
                if (!z.contains(kept)) {
                    problems.add(e.getKey() + " lacks " + kept);
                }
            }
            String words = z.replaceAll("\\$\\{[A-Z-]+}", "").replaceAll("%n", " ");
            CliTextTest.englishWords(words).forEach(w -> problems.add(e.getKey() + ": \"" + w + "\""));
        }
        assertThat(problems).isEmpty();
    }

    /** {@code --help} of every command in Chinese: no English word but option and command names and placeholders. */
    @Test
    void helpOfEveryCommandIsChinese() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        for (List<String> command : commands()) {
            String help = help(command);
            assertThat(help).as("%s", command).contains("用法：pagelab").doesNotContain("Usage:").doesNotContain("!");
            if (!command.equals(List.of("help"))) { // help is picocli's command: its own -h, no exit codes
                assertThat(help).as("%s", command).startsWith("用法：").contains("显示本帮助信息并退出。")
                        .contains("退出码：").doesNotContain("Exit codes:");
            }
            // picocli may wrap a line after a dot: ".pub", "~/.pagelab" are one word again
            String words = help.replaceAll("\\.\\R +", ".");
            assertThat(CliTextTest.englishWords(words)).as("%s: %s", command, help).isEmpty();
        }
        assertThat(help(List.of())).contains("命令：").contains("列出已安装的练习");
        assertThat(help(List.of("help"))).doesNotContain("退出码：");
    }

    /** English (the annotations, no bundle) whatever the JVM's locale when the command line says --lang en. */
    @Test
    void englishHelpIsTheAnnotationsWords() {
        Locale.setDefault(Locale.ENGLISH);
        String en = help(List.of("check"));
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        assertThat(help(List.of("check", "--lang", "en"))).isEqualTo(en);
        assertThat(en).startsWith("Usage: pagelab check [-hV]").contains("\nExit codes:\n")
                .contains("The exercise id (see pagelab list).").doesNotContainPattern("\\p{IsHan}");
        assertThat(help(List.of("check", "--lang", "zh-CN"))).startsWith("用法：pagelab check");
    }

    private static String help(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        StringWriter out = new StringWriter();
        PageLabCli.run(new PrintWriter(out), new PrintWriter(new StringWriter()), Map.of(), args.toArray(String[]::new));
        return out.toString();
    }

    /** Every command as typed: [], [list], ..., [plugin, install], ... */
    private static List<List<String>> commands() {
        List<List<String>> all = new ArrayList<>();
        walk(new CommandLine(new PageLabCli(Map.of())), new ArrayList<>(), all);
        return all;
    }

    private static void walk(CommandLine cmd, List<String> path, List<List<String>> all) {
        all.add(List.copyOf(path));
        cmd.getSubcommands().forEach((name, sub) -> {
            if (sub.getParent() == cmd && name.equals(sub.getCommandName())) {
                List<String> more = new ArrayList<>(path);
                more.add(name);
                walk(sub, more, all);
            }
        });
    }

    /** The keys a command's place needs, with their English, as {@link UsageText} gives them to picocli. */
    private static void collect(CommandLine cmd, String place, Map<String, String> keys) {
        CommandSpec spec = cmd.getCommandSpec();
        keys.put(place + ".usage.description", String.join(" ", spec.usageMessage().description()));
        if (spec.usageMessage().header().length > 0) {
            keys.put(place + ".usage.header", String.join(" ", spec.usageMessage().header()));
        }
        for (OptionSpec o : spec.options()) {
            if (o.scopeType() != ScopeType.INHERIT && o.descriptionKey().isEmpty()) {
                // the English with its default as picocli expands it; the Chinese names it ${DEFAULT-VALUE}
                keys.put(place + "." + o.longestName().replaceFirst("^-+", ""), String.join(" ", o.description())
                        .replace("default: " + o.defaultValue() + ")", "default: ${DEFAULT-VALUE})"));
            }
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.descriptionKey().isEmpty()) {
                keys.put(place + "." + p.paramLabel() + "[" + p.index() + "]", String.join(" ", p.description()));
            }
        }
        cmd.getSubcommands().forEach((name, sub) -> {
            if (sub.getParent() == cmd && name.equals(sub.getCommandName())) {
                collect(sub, place + "." + name, keys);
            }
        });
    }

    /** What a translation keeps of the English: numbers, file names and paths, option names. */
    private static Set<String> kept(String english) {
        Set<String> kept = new TreeSet<>();
        Matcher m = Pattern.compile("--[a-z][\\w-]*|\\b\\d+\\b|[\\w~.*-]*[/.][\\w~.*/-]*\\w").matcher(english);
        while (m.find()) {
            if (!m.group().equals("e.g")) {
                kept.add(m.group());
            }
        }
        return kept;
    }

    /** A key's value, or its numbered lines (key.0, key.1 ...). */
    private static List<String> lines(Properties p, String key) {
        List<String> lines = new ArrayList<>();
        if (p.containsKey(key)) {
            lines.add(p.getProperty(key));
        }
        for (int i = 0; p.containsKey(key + "." + i); i++) {
            lines.add(p.getProperty(key + "." + i));
        }
        return lines;
    }
}
