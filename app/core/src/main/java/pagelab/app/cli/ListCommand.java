package pagelab.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.plugins.PluginHost;
import pagelab.app.plugins.PluginStatus;
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

    @Override
    public Integer call() throws Exception {
        PluginHost host = cli.session().host();
        PrintWriter out = cli.spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(Reports.json().writeValueAsString(json(host)));
            return ExitCodes.OK;
        }
        if (host.exercises().isEmpty()) {
            out.println("No exercises installed. Put plugin jars in " + host.locations().userDir()
                    + ", or pass --plugins PATH or --dev ROOT.");
        } else {
            out.printf("%-20s %-3s %-7s %5s  %-40s %s%n", "ID", "CH", "LEVEL", "MIN", "TITLE", "PLUGIN");
            for (LoadedExercise e : host.exercises()) {
                var d = e.descriptor();
                out.printf("%-20s %-3d %-7s %5d  %-40s %s %s%n", d.id(), d.chapter(), d.difficulty(), d.minutes(),
                        d.title(), e.pluginId(), e.pluginVersion());
            }
        }
        long failed = host.plugins().stream().filter(p -> !p.isLoaded()).count();
        if (failed > 0) {
            out.println();
            out.println("Plugins that failed to load:");
            host.plugins().stream().filter(p -> !p.isLoaded()).forEach(p -> out.println("  " + Session.describe(p)));
        }
        return ExitCodes.OK;
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
