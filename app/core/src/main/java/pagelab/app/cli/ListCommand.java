package pagelab.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.plugins.PluginHost;
import pagelab.app.plugins.PluginStatus;
import pagelab.app.results.ReportText;
import pagelab.app.results.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code pagelab list}: the exercises, and every plugin that failed with its reason. */
@Command(name = "list", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "List the installed exercises and any plugin that failed to load, with the reason.")
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    PageLabCli cli;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
    Format format;

    enum Format { text, json }

    /** The title column: its width, and where it starts (after ID, CH, LEVEL and MIN). */
    static final int TITLE_WIDTH = 40;
    static final int TITLE_COLUMN = 20 + 1 + 3 + 1 + 7 + 1 + 5 + 2;

    @Override
    public Integer call() throws Exception {
        PluginHost host = cli.session().host();
        PrintWriter out = cli.spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(Reports.json().writeValueAsString(json(host)));
            return ExitCodes.OK;
        }
        if (host.exercises().isEmpty()) {
            out.println(cli.text().format("list.none", host.locations().userDir()));
        } else {
            CliText words = cli.text();
            out.println(row(words.get("list.id"), words.get("list.chapter"), words.get("list.level"),
                    words.get("list.minutes"), words.get("list.title"), words.get("list.plugin")));
            for (LoadedExercise e : host.exercises()) {
                var d = e.descriptor();
                List<String> title = wrap(d.title(), TITLE_WIDTH);
                out.println(row(d.id(), String.valueOf(d.chapter()), words.get("list.level." + d.difficulty()),
                        String.valueOf(d.minutes()), title.get(0), e.pluginId() + " " + e.pluginVersion()));
                for (String more : title.subList(1, title.size())) {
                    out.printf("%" + TITLE_COLUMN + "s%s%n", "", more);
                }
            }
        }
        long failed = host.plugins().stream().filter(PluginStatus::isFailed).count();
        if (failed > 0) {
            out.println();
            out.println(cli.text().get("list.failed"));
            host.plugins().stream().filter(PluginStatus::isFailed).forEach(p -> out.println("  " + Session.describe(p)));
        }
        List<String> off = host.plugins().stream().filter(PluginStatus::isDisabled).map(PluginStatus::label).toList();
        if (!off.isEmpty()) {
            out.println();
            out.println(cli.text().format("list.disabled", cli.command(), String.join(", ", off)));
        }
        return ExitCodes.OK;
    }

    /**
     * A line of the table: ID, CH, LEVEL, MIN (right-aligned), TITLE, PLUGIN, padded to their widths in terminal
     * columns, so that Chinese headings (two columns a character) keep the columns in line.
     */
    private static String row(String id, String chapter, String level, String minutes, String title, String plugin) {
        return ReportText.pad(id, 20) + " " + ReportText.pad(chapter, 3) + " " + ReportText.pad(level, 7) + " "
                + " ".repeat(Math.max(0, 5 - ReportText.columns(minutes))) + minutes + "  "
                + ReportText.pad(title, TITLE_WIDTH) + " " + plugin;
    }

    /**
     * {@code text} in lines of at most {@code width} characters, broken between words (a word longer than a line
     * is cut), so a long title continues below itself instead of pushing the next column out of line.
     */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.trim().split("\\s+")) {
            while (word.length() > width) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static ObjectNode json(PluginHost host) {
        ObjectNode root = Reports.json().createObjectNode();
        ArrayNode exercises = root.putArray("exercises");
        for (LoadedExercise e : host.exercises()) {
            ObjectNode n = exercises.addObject();
            n.putPOJO("descriptor", e.descriptor());
            n.put("pluginId", e.pluginId());
            n.put("pluginVersion", e.pluginVersion());
        }
        ArrayNode plugins = root.putArray("plugins");
        for (PluginStatus p : host.plugins()) {
            plugins.addPOJO(p);
        }
        return root;
    }
}
