package pagelab.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import pagelab.app.files.Installation;
import pagelab.app.files.SourceText;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.plugins.WorkshopTrack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code pagelab kit OUT --exercises A,B [--track FILE]}: a workshop leader's offline kit. A copy of this release
 * (launchers, libraries, guides) with only the chosen exercises' plugins and, optionally, a track that selects and
 * orders them; PageLab started from the kit's {@code bin/pagelab} offers those exercises, on that track (unless a
 * student's data folder has a track of its own). Needs a release: the launchers name its folder
 * ({@link Installation}).
 */
@Command(name = "kit", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
        description = {"Copy this release with the chosen exercises (and a track) into a folder to hand out, "
            + "say on a USB stick.", "PageLab started from OUT/bin/pagelab (Windows: OUT\\bin\\pagelab.cmd) offers "
            + "those exercises; the laptops need a Java 17 JDK."})
final class KitCommand implements Callable<Integer> {
    @ParentCommand
    PageLabCli cli;

    @Parameters(index = "0", paramLabel = "OUT", description = "The folder to write (new, or empty).")
    Path out;

    @Option(names = "--exercises", paramLabel = "ID,ID...", split = ",",
            description = "The exercises to include (see pagelab list); default: those of --track.")
    List<String> exerciseIds = new ArrayList<>();

    @Option(names = "--track", paramLabel = "FILE",
            description = "A workshop track (the format of track.txt: '== stage' lines, then exercise ids) that "
                + "the kit's desktop shows.")
    Path track;

    @Override
    public Integer call() throws IOException {
        Path release = Installation.dir();
        if (release == null || !Files.isDirectory(release.resolve("lib"))) {
            throw CliException.of(ExitCodes.NOT_FOUND, "kit.noRelease");
        }
        WorkshopTrack order = track == null ? null : readTrack(track);
        Set<String> ids = new LinkedHashSet<>(exerciseIds);
        if (ids.isEmpty() && order != null) {
            ids.addAll(order.exerciseIds());
        }
        if (ids.isEmpty()) {
            throw CliException.of(ExitCodes.USAGE, "kit.noExercises");
        }
        if (order != null) {
            List<String> missing = order.exerciseIds().stream().filter(id -> !ids.contains(id)).toList();
            if (!missing.isEmpty()) {
                throw CliException.of(ExitCodes.USAGE, "kit.trackMissing", track, String.join(", ", missing));
            }
        }
        Map<String, Path> plugins = new LinkedHashMap<>(); // plugin id -> its jar; one plugin may hold several
        for (String id : ids) {
            LoadedExercise ex = cli.session().exercise(id); // exit 4, naming the id, when there is none
            if (!Files.isRegularFile(ex.pluginPath())) {
                throw CliException.of(ExitCodes.NOT_FOUND, "kit.notAJar", id, ex.pluginPath());
            }
            plugins.put(ex.pluginId(), ex.pluginPath());
        }
        if (Files.exists(out) && !isEmptyFolder(out)) {
            throw CliException.of(ExitCodes.WOULD_OVERWRITE, "error.notEmpty", out);
        }

        copyRelease(release, out);
        Path pluginDir = Files.createDirectories(out.resolve("plugins"));
        for (Map.Entry<String, Path> p : plugins.entrySet()) {
            Files.copy(p.getValue(), pluginDir.resolve(p.getKey() + ".jar"));
        }
        if (track != null) {
            Files.copy(track, out.resolve(Installation.TRACK_FILE));
        }
        PrintWriter w = cli.spec.commandLine().getOut();
        CliText words = cli.text();
        w.println(words.format(ids.size() == 1 ? "kit.wrote.one" : "kit.wrote", out, PageLabCli.version(), ids.size(),
                String.join(", ", ids)) + (track == null ? "" : words.format("kit.onTrack", track)) + words.get("kit.end"));
        w.println(words.format("kit.copy", out.resolve("bin").resolve("pagelab")));
        w.flush();
        return ExitCodes.OK;
    }

    private static WorkshopTrack readTrack(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw CliException.of(ExitCodes.NOT_FOUND, "kit.noTrack", file);
        }
        return WorkshopTrack.parse(file.toString(), SourceText.read(file).text());
    }

    /**
     * Everything of the release but its plugins, its own track and what its runs left in it (the desktop's
     * class-data archive belongs to this machine's Java), keeping file modes (bin/pagelab stays executable).
     */
    private static void copyRelease(Path release, Path out) throws IOException {
        Set<Path> skipped = Set.of(release.resolve("plugins"), release.resolve(Installation.TRACK_FILE),
                release.resolve("lib").resolve("pagelab-desktop.jsa"));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(release)) {
            files = walk.filter(p -> skipped.stream().noneMatch(p::startsWith)).toList();
        }
        Files.createDirectories(out);
        try {
            for (Path from : files) {
                Path to = out.resolve(release.relativize(from).toString());
                if (Files.isDirectory(from, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(to);
                } else if (!from.getFileName().toString().startsWith(".pagelab-")) { // the launcher's probe
                    Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isEmptyFolder(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }
}
