package pagelab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import pagelab.app.plugins.PluginStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pagelab plugin install JAR}, {@code remove ID}, {@code disable ID} and {@code enable ID}: the command line's
 * plugin manager. Only plugins installed this way (or through the desktop's plugin manager) are loaded from the
 * user's plugin folder; any plugin, a shipped one too, can be turned off and on again without deleting anything.
 */
@Command(name = "plugin", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "Install or remove an exercise plugin of your own; turn any plugin off or on again.",
        subcommands = {PluginCommand.Install.class, PluginCommand.Remove.class, PluginCommand.Disable.class,
                PluginCommand.Enable.class})
final class PluginCommand implements Callable<Integer> {
    @ParentCommand
    PageLabCli cli;

    @Override
    public Integer call() {
        String pagelab = cli.command();
        throw CliException.of(ExitCodes.USAGE, "plugin.what", pagelab);
    }

    /** {@code pagelab plugin install JAR}. */
    @Command(name = "install", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
            description = "Copy a plugin jar into DATA/plugins, record it as installed and load it.")
    static final class Install implements Callable<Integer> {
        @ParentCommand
        PluginCommand parent;

        @Parameters(index = "0", paramLabel = "JAR", description = "The plugin jar.")
        Path jar;

        @Override
        public Integer call() throws IOException {
            if (!Files.isRegularFile(jar)) {
                throw CliException.of(ExitCodes.NOT_FOUND, "error.noFile", jar);
            }
            PluginStatus s;
            try {
                s = parent.cli.session().host().install(jar);
            } catch (IOException e) {
                throw CliException.of(ExitCodes.IO_ERROR, "plugin.cannotInstall", jar, e.getMessage());
            }
            PrintWriter out = parent.cli.spec.commandLine().getOut();
            if (!s.isLoaded()) {
                throw CliException.of(ExitCodes.PLUGIN_INVALID, "plugin.notInstalled", Session.describe(s));
            }
            out.println(parent.cli.text().format("plugin.installed", s.label(), String.join(", ", s.exerciseIds())));
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code pagelab plugin remove ID}. */
    @Command(name = "remove", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
            description = "Unload an installed plugin and delete its file.")
    static final class Remove implements Callable<Integer> {
        @ParentCommand
        PluginCommand parent;

        @Parameters(index = "0", paramLabel = "ID", description = "The plugin's id (see pagelab list).")
        String id;

        @Override
        public Integer call() {
            try {
                parent.cli.session().host().uninstall(id);
            } catch (IOException e) {
                throw new CliException(ExitCodes.NOT_FOUND, e.getMessage());
            }
            PrintWriter out = parent.cli.spec.commandLine().getOut();
            out.println(parent.cli.text().format("plugin.removed", id));
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code pagelab plugin disable ID}. */
    @Command(name = "disable", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
            description = "Turn a plugin off: its exercises leave the catalog until it is enabled again. Nothing is "
                    + "deleted (your solutions and progress stay), and shipped plugins can be turned off too.")
    static final class Disable implements Callable<Integer> {
        @ParentCommand
        PluginCommand parent;

        @Parameters(index = "0", paramLabel = "ID", description = "The plugin's id (the PLUGIN column of pagelab list).")
        String id;

        @Override
        public Integer call() {
            PluginStatus s;
            try {
                s = parent.cli.session().host().disable(id);
            } catch (IOException e) {
                throw CliException.of(ExitCodes.NOT_FOUND, "plugin.cannotDisable", id, e.getMessage());
            }
            PrintWriter out = parent.cli.spec.commandLine().getOut();
            out.println(parent.cli.text().format("plugin.disabled", id, parent.cli.command() + " plugin enable " + id)
                    + (s.path() == null ? "" : " (" + s.path() + ")"));
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code pagelab plugin enable ID}. */
    @Command(name = "enable", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
            description = "Turn a disabled plugin on again and load it.")
    static final class Enable implements Callable<Integer> {
        @ParentCommand
        PluginCommand parent;

        @Parameters(index = "0", paramLabel = "ID", description = "The plugin's id (pagelab list names the disabled "
                + "ones).")
        String id;

        @Override
        public Integer call() {
            PluginStatus s;
            try {
                s = parent.cli.session().host().enable(id);
            } catch (IOException e) {
                throw CliException.of(ExitCodes.NOT_FOUND, "plugin.cannotEnable", id, e.getMessage());
            }
            if (!s.isLoaded()) {
                throw CliException.of(ExitCodes.PLUGIN_INVALID, "plugin.enabledNotLoaded", Session.describe(s));
            }
            PrintWriter out = parent.cli.spec.commandLine().getOut();
            out.println(parent.cli.text().format("plugin.enabled", s.label(), String.join(", ", s.exerciseIds())));
            out.flush();
            return ExitCodes.OK;
        }
    }
}
