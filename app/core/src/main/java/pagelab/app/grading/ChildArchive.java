package pagelab.app.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import pagelab.app.results.Hashes;

/**
 * A class-data-sharing archive of what a grading child of one exercise loads (the JDK's classes it uses, the
 * simulator, the runner, the solution policy, the exercise's plugin) and the lambdas it links, so that a child
 * boots and runs its checks with less class loading, verifying and linking: graded mode starts a fresh child for
 * every submission, and a class of 200 pays for 200 boots. The JVM checks an archive against the class path itself
 * and ignores one that does not match, so a stale archive costs speed, never correctness.
 *
 * <p>The archive is made once per installation, JDK, child layout and plugin build, under the cache folder, by an
 * {@link ArchiveTrainer}: a process of its own that outlives the command that started it (a single {@code check}
 * ends long before a training does) and runs a training child ({@code GradingChild --train}) on the exercise's own
 * reference solution through every check, never a student's code. The training starts the second time an exercise's
 * child is needed, not the first, so that a first check on a fresh installation does not share its two cores with
 * it; until the archive exists, children boot without one.
 *
 * <p>A solution's classes never come from the archive, though the reference's are in it: {@code
 * StudentClassLoader} defines them without a name, which keeps HotSpot from looking there.
 *
 * <p>Only an installation whose class and module paths are jar files can have one (the JVM refuses to archive from
 * folders on them, as in a development build of the host). Thread-safe.
 */
final class ChildArchive {
    /** A training folder older than this belongs to a training that died: it no longer stops another. */
    static final Duration STALE_TRAINING = Duration.ofMinutes(5);
    /** How long a host that is exiting waits for a trainer to be started (compiling the reference, mostly). */
    private static final Duration SPAWN_WAIT = Duration.ofSeconds(5);
    /** The archives this host JVM asked to train: each at most once. */
    private static final Set<Path> ASKED = ConcurrentHashMap.newKeySet();

    private ChildArchive() {
    }

    /**
     * The archive a child should use, or null when there is none yet or the layout cannot have one. When it is
     * missing and was wanted before, a training starts in the background (at most once per host JVM and archive) on
     * the requests {@code training} gives, which runs on another thread.
     *
     * @param command         the child's command without archive options, from {@code java} to the main class
     * @param pluginClasspath the exercise's plugin, which the children load
     * @param training        the requests the training child serves: the exercise's reference, every check
     */
    static Path forExercise(GraderOptions options, List<String> command, List<Path> pluginClasspath,
                            Supplier<List<ChildRequest>> training) {
        Path archive = file(options, command, pluginClasspath);
        if (archive == null || Files.isRegularFile(archive)) {
            return archive;
        }
        if (wantedBefore(archive) && ASKED.add(archive)) {
            Thread t = new Thread(() -> startTrainer(archive, command, training), "pagelab-child-archive");
            t.setDaemon(true);
            t.start();
            // a command that ends first (one check) waits a little for the trainer to be started
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    t.join(SPAWN_WAIT.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "pagelab-child-archive-exit"));
        }
        return null;
    }

    /** The JVM options that make a child use {@code archive} (none for null). */
    static List<String> options(Path archive) {
        return archive == null ? List.of()
                : List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /**
     * Where the archive for this layout and plugin lives, or null when they cannot have one. The child's own class
     * and module paths must be jars; the plugin may be a folder too (an exercise under development, loaded from
     * its {@code target/classes}): the JVM matches a plugin's archived class by the size and CRC-32 of its bytes,
     * so a rebuilt one is read from its folder again, and the key changes with the folder's files.
     */
    static Path file(GraderOptions options, List<String> command, List<Path> pluginClasspath) {
        List<Path> entries = new ArrayList<>(ChildLaunch.modulePath());
        entries.addAll(ChildLaunch.classPath(options));
        MessageDigest d = Hashes.sha256();
        d.update((ChildRuntime.current().identity() + "|" + command + "\n")
                .getBytes(StandardCharsets.UTF_8));
        try {
            for (Path p : entries) {
                if (!Files.isRegularFile(p)) {
                    return null;
                }
                d.update(identity(p).getBytes(StandardCharsets.UTF_8));
            }
            for (Path p : pluginClasspath) {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> files = Files.walk(p)) {
                        for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                            d.update(identity(f).getBytes(StandardCharsets.UTF_8));
                        }
                    }
                } else if (Files.isRegularFile(p)) {
                    d.update(identity(p).getBytes(StandardCharsets.UTF_8));
                } else {
                    return null;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
        String key = HexFormat.of().formatHex(d.digest()).substring(0, 24);
        return options.cacheDir().resolve("cds").resolve("child-" + key + ".jsa");
    }

    /** A file's path, size and time of change, as the archive's key takes them. */
    private static String identity(Path file) throws IOException {
        return file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis() + "\n";
    }

    /** The folder a training of {@code archive} works in; its existence is the training's lock. */
    static Path trainingFolder(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".training");
    }

    /** Whether {@code archive} was wanted before now (by this host or an earlier one); notes that it is. */
    private static boolean wantedBefore(Path archive) {
        Path marker = archive.resolveSibling(archive.getFileName() + ".wanted");
        try {
            Files.createDirectories(archive.getParent());
            Files.createFile(marker);
            return false;
        } catch (FileAlreadyExistsException e) {
            return true;
        } catch (IOException e) {
            return false; // a cache we cannot write to gets no archive
        }
    }

    /**
     * Makes the requests, takes the training lock, writes them and starts the trainer, which carries on by itself
     * (the lock is taken last, so a host that exits while compiling leaves none behind).
     */
    private static void startTrainer(Path archive, List<String> command, Supplier<List<ChildRequest>> training) {
        Path folder = trainingFolder(archive);
        boolean locked = false;
        try {
            byte[] plan = RecordJson.bytes(new GradingChild.TrainingPlan(training.get()));
            locked = takeLock(folder);
            if (!locked) {
                return;
            }
            Path requests = folder.resolve("requests.json");
            Files.write(requests, plan);
            // the trainer runs on the child's own java, flags and class path, with another main class
            List<String> cmd = new ArrayList<>(command.subList(0, command.size() - 1));
            cmd.add(ArchiveTrainer.class.getName());
            cmd.addAll(List.of(archive.toString(), folder.toString(), requests.toString()));
            cmd.addAll(command);
            new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | RuntimeException e) {
            if (locked) {
                ArchiveTrainer.deleteQuietly(folder); // no archive: children boot without one, as before
            }
        }
    }

    /** Whether this host may train now: no other training holds a fresh folder. */
    private static boolean takeLock(Path folder) throws IOException {
        try {
            Files.createDirectory(folder);
            return true;
        } catch (FileAlreadyExistsException e) {
            if (Files.getLastModifiedTime(folder).toInstant().isBefore(Instant.now().minus(STALE_TRAINING))) {
                ArchiveTrainer.deleteQuietly(folder);
                return takeLock(folder);
            }
            return false;
        }
    }
}
