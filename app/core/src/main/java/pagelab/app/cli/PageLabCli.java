package pagelab.app.cli;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import pagelab.app.grading.Grader;
import pagelab.exercise.ExerciseApi;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code pagelab} command. {@link #run} parses and executes a command line and returns its exit code (see
 * {@link ExitCodes}); it never exits the JVM. {@link #main} opens the desktop when called without arguments on a
 * machine with a display, and otherwise exits with {@link #run}'s code.
 */
@Command(name = "pagelab", mixinStandardHelpOptions = true, versionProvider = PageLabCli.Version.class,
        description = "PageLab: exercises on the Windows memory manager, graded against a simulated kernel.",
        footer = ExitCodes.FOOTER,
        subcommands = {ListCommand.class, InitCommand.class, CheckCommand.class, GradeCommand.class,
            VerifyPluginCommand.class, VerifyResultCommand.class, KeysCommand.class, PluginCommand.class,
            AutograderCommand.class, MergeGradesCommand.class, KitCommand.class, ChildRuntimeCommand.class,
            CommandLine.HelpCommand.class})
public final class PageLabCli implements Callable<Integer> {
    /**
     * Environment variable holding the command as the user types it ({@code ./pagelab}, {@code pagelab} when it is
     * on the PATH): the launcher script sets it, and every hint that names a command uses it.
     */
    static final String COMMAND_ENV = "PAGELAB_COMMAND";
    /** The desktop's main class, in module app/desktop, which this module cannot depend on. */
    static final String DESKTOP_CLASS = "pagelab.app.desktop.PageLabDesktop";

    @Mixin
    HostOptions hostOptions = new HostOptions();

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final CliText words;
    private Session session;

    PageLabCli(Map<String, String> env) {
        this(env, CliText.ENGLISH);
    }

    PageLabCli(Map<String, String> env, CliText words) {
        this.env = env;
        this.words = words;
    }

    /** Runs {@code args} with the process's standard streams and environment. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return run(out, err, System.getenv(), args);
    }

    /** Runs {@code args} writing to {@code out} and {@code err}, with {@code env} as the environment. */
    public static int run(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
        Locale locale = CliText.locale(Arrays.asList(args));
        PageLabCli cli = new PageLabCli(env, CliText.of(locale));
        CommandLine cmd = new CommandLine(cli);
        cmd.setCommandName(cli.command()); // usage lines show what to type
        UsageText.apply(cmd, locale); // --help in the same language as the rest
        cmd.setOut(out).setErr(err);
        cmd.setExecutionExceptionHandler((e, line, parsed) -> handle(e, line, cli.words));
        if (!cli.words.english()) {
            cmd.setParameterExceptionHandler(new ParseErrors(cli.words)); // English: picocli's own, as it always was
        }
        try {
            return cmd.execute(args);
        } finally {
            cli.closeSession();
            out.flush();
            err.flush();
        }
    }

    private static int handle(Exception e, CommandLine line, CliText words) {
        PrintWriter err = line.getErr();
        if (e instanceof CliException c) {
            err.println("pagelab: " + c.message(words));
            return c.exitCode();
        }
        if (e instanceof UncheckedIOException || e instanceof IOException) {
            err.println("pagelab: " + e.getMessage());
            return ExitCodes.IO_ERROR;
        }
        err.println("pagelab: " + words.format("error.internal", e));
        e.printStackTrace(err);
        return ExitCodes.INTERNAL;
    }

    /** Without arguments: the desktop if there is a display and it is installed, else how to use the CLI. */
    public static void main(String[] args) {
        if (args.length == 0 && launchDesktop()) {
            return; // the desktop runs on the EDT; exiting here would close it
        }
        System.exit(run(args));
    }

    private static boolean launchDesktop() {
        if (GraphicsEnvironment.isHeadless()) {
            return false;
        }
        try {
            Class.forName(DESKTOP_CLASS).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        } catch (InvocationTargetException e) {
            System.err.println("pagelab: " + CliText.of(Locale.getDefault()).format("desktop.failed", e.getCause()));
            return false;
        } catch (ReflectiveOperationException e) {
            System.err.println("pagelab: " + CliText.of(Locale.getDefault()).format("desktop.cannotStart", e));
            return false;
        }
    }

    /** {@code pagelab} alone, headless: how to use the command line. */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String pagelab = command();
        out.println(words.get("start.noDisplay"));
        out.println(words.format("start.firstSteps", pagelab));
        if (env.containsKey(COMMAND_ENV) && !pagelab.equals("pagelab")) {
            out.println(words.format("start.install", pagelab));
        }
        out.println();
        spec.commandLine().usage(out);
        return ExitCodes.OK;
    }

    Session session() {
        if (session == null) {
            session = new Session(hostOptions, env, command(), words,
                    warning -> spec.commandLine().getErr().println("pagelab: " + words.format("message.warning", warning)));
        }
        return session;
    }

    /** The command line's own words, in the language of this run (see {@link CliText#locale}). */
    CliText text() {
        return words;
    }

    Map<String, String> env() {
        return env;
    }

    /** How the user types this command: {@code $PAGELAB_COMMAND} (set by the launcher), else {@code pagelab}. */
    String command() {
        String c = env.get(COMMAND_ENV);
        return c == null || c.isBlank() ? "pagelab" : c;
    }

    /** Where work goes and is found when a command names no folder. */
    WorkFolders workFolders() {
        return new WorkFolders(session().dataDir(), command());
    }

    private void closeSession() {
        if (session != null) {
            session.close();
        }
    }

    /** The application version, from the build. */
    static String version() {
        try (InputStream in = PageLabCli.class.getResourceAsStream("/pagelab/app/version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** {@code --version}: PageLab, the exercise API it offers to plugins, the Java runtime, the children's runtime. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"PageLab " + version(), "exercise API " + ExerciseApi.VERSION,
                "Java " + Runtime.version() + " (" + System.getProperty("java.home") + ")",
                "grading children: " + Grader.childRuntime()};
        }
    }
}
