package pagelab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import pagelab.app.files.NewFiles;
import pagelab.app.plugins.LoadedExercise;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code pagelab init ID [DIR]}: writes the starter sources and the instructions, never over a student's work. */
@Command(name = "init", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = "Write an exercise's starter files and INSTRUCTIONS.md into DIR (default: ./ID; inside PageLab's "
            + "source checkout, DATA/work/ID).")
final class InitCommand implements Callable<Integer> {
    @ParentCommand
    PageLabCli cli;

    @Parameters(index = "0", paramLabel = "ID", description = "The exercise id (see pagelab list).")
    String id;

    @Parameters(index = "1", paramLabel = "DIR", arity = "0..1", description = "Target folder (default: ./ID, or DATA/work/ID inside PageLab's source checkout, so that the "
            + "work stays out of the source tree).")
    Path dir;

    @Option(names = "--force", description = "Overwrite files that exist already.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        LoadedExercise ex = cli.session().exercise(id);
        WorkFolders folders = cli.workFolders();
        Path target = dir != null ? dir : folders.initTarget(id);
        Map<String, String> files = new LinkedHashMap<>(ex.exercise().starter().files());
        files.put("INSTRUCTIONS.md", ex.exercise().instructions(null));
        List<String> existing = files.keySet().stream().filter(f -> Files.exists(target.resolve(f))).toList();
        if (!existing.isEmpty() && !force) {
            throw CliException.of(ExitCodes.WOULD_OVERWRITE, "init.notOverwriting", existing, target);
        }
        Files.createDirectories(target);
        for (Map.Entry<String, String> f : files.entrySet()) {
            writeAtomically(target.resolve(f.getKey()), f.getValue());
        }
        PrintWriter out = cli.spec.commandLine().getOut();
        CliText words = cli.text();
        out.println(words.format("init.wrote", files.keySet(), target.toAbsolutePath()));
        if (dir == null && folders.insideCheckout().isPresent()) {
            out.println(words.format("init.inDataFolder", folders.insideCheckout().get(), cli.command() + " init " + id
                    + " DIR"));
        }
        // Leave the path out of the hint only when check finds the folder by itself from here.
        String where = folders.foundWithoutPath(ex, target) ? "" : " " + target;
        out.println(words.format("init.next", cli.command() + " check " + id + where));
        return ExitCodes.OK;
    }

    /** Replaces {@code file} with {@code text} atomically, with the user's umask (see {@link NewFiles}). */
    static void writeAtomically(Path file, String text) throws IOException {
        NewFiles.writeString(file.toAbsolutePath(), ".pagelab-", ".tmp", text);
    }
}
