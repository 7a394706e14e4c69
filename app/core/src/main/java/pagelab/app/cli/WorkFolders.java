package pagelab.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pagelab.app.files.SourceCheckout;
import pagelab.app.plugins.LoadedExercise;

/**
 * Where a student's work on an exercise is when no folder is named: {@code init ID} writes it and {@code check ID}
 * finds it, by one rule, so that the banner's three commands work wherever a newcomer types them.
 *
 * <ul>
 *   <li>{@code init ID} writes {@code ./ID}; inside a PageLab source checkout it writes {@code DATA/work/ID}
 *       instead, so the student's work stays out of the source tree.</li>
 *   <li>{@code check ID} grades the current folder when it holds one of the starter's files (the student is in
 *       the folder init wrote), else {@code ./ID} when that holds one, else {@code DATA/work/ID}. It looks only at
 *       those three folders' own files, never below them: a source tree is never searched. When both the current
 *       folder and {@code ./ID} hold starter files it cannot tell which is meant and asks.</li>
 * </ul>
 * The current folder is the JVM's ({@code Path.of("")}).
 */
final class WorkFolders {
    /** Inside {@code DATA}: the default folder of each exercise's work ({@code DATA/work/ID}). */
    static final String WORK = "work";

    private final Path dataDir;
    private final String command;

    /**
     * @param dataDir the data folder ({@code DATA})
     * @param command how the user types {@code pagelab}, for the messages
     */
    WorkFolders(Path dataDir, String command) {
        this.dataDir = dataDir;
        this.command = command;
    }

    /** Where {@code init ID} writes when no folder is given. */
    Path initTarget(String id) {
        return insideCheckout().isPresent() ? dataDir.resolve(WORK).resolve(id) : Path.of(id);
    }

    /** The source checkout the current folder lies in, if any. */
    Optional<Path> insideCheckout() {
        return SourceCheckout.enclosing(Path.of(""));
    }

    /**
     * The folder {@code check ID} grades when no path is given, as found from the current folder.
     *
     * @throws CliException {@link ExitCodes#USAGE} when both {@code .} and {@code ./ID} hold starter files,
     *                      {@link ExitCodes#NOT_FOUND} when none of the three folders does
     */
    Path checkSource(LoadedExercise ex) {
        String id = ex.id();
        List<String> names = starterSources(ex);
        Path here = Path.of(".");
        Path sub = Path.of(id);
        Path work = dataDir.resolve(WORK).resolve(id);
        boolean inHere = holdsAny(here, names);
        boolean inSub = holdsAny(sub, names);
        if (inHere && inSub) {
            throw CliException.of(ExitCodes.USAGE, "work.both", id, String.join(", ", names), command + " check " + id
                    + " " + id, command + " check " + id + " .");
        }
        if (inHere) {
            return here;
        }
        if (inSub) {
            return sub;
        }
        if (holdsAny(work, names)) {
            return work;
        }
        throw CliException.of(ExitCodes.NOT_FOUND, "work.none", String.join(", ", names), id, work,
                command + " init " + id, command + " check " + id + " PATH");
    }

    /** Whether {@link #checkSource} would find {@code dir}, and so a hint may leave the path out. */
    boolean foundWithoutPath(LoadedExercise ex, Path dir) {
        try {
            return same(checkSource(ex), dir);
        } catch (CliException e) {
            return false;
        }
    }

    /** The starter's Java file names: what marks a folder as holding this exercise's work. */
    static List<String> starterSources(LoadedExercise ex) {
        List<String> names = new ArrayList<>();
        for (String f : ex.exercise().starter().files().keySet()) {
            if (f.endsWith(".java")) {
                names.add(f);
            }
        }
        return names;
    }

    private static boolean holdsAny(Path dir, List<String> names) {
        return Files.isDirectory(dir) && names.stream().anyMatch(n -> Files.isRegularFile(dir.resolve(n)));
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
