package pagelab.app.grading;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import pagelab.app.results.Hashes;

/**
 * A class-data-sharing archive of what every grading child loads (the JDK's classes it uses, the simulator, the
 * runner, the solution policy), so that a child boots in about half the time: graded mode starts a fresh child for
 * every submission, and a class of 200 pays for 200 boots. The archive is made once per installation, JDK and
 * child layout by a training child ({@code GradingChild --train}) in the background, under the cache folder; until
 * it exists, children boot without it. The JVM checks the archive against the class path itself and ignores one
 * that does not match, so a stale archive costs speed, never correctness.
 *
 * <p>Only an installation whose class and module paths are all jar files can have one (the JVM refuses to archive
 * from folders, as in a development build). Thread-safe.
 */
final class ChildArchive {
    /** A training that takes longer has failed: its lock no longer stops another. */
    private static final Duration STALE_LOCK = Duration.ofMinutes(5);
    private static volatile boolean trainingStarted;

    private ChildArchive() {
    }

    /**
     * The options that make a child use the archive, or none; when the archive is missing, a training starts (at
     * most once per host JVM).
     *
     * @param command the child's command without archive options, from {@code java} to the main class
     */
    static List<String> options(GraderOptions options, List<String> command) {
        Path archive = file(options, command);
        if (archive == null) {
            return List.of();
        }
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
        }
        train(archive, command);
        return List.of();
    }

    /** Where the archive for this layout lives, or null when the layout cannot have one. */
    static Path file(GraderOptions options, List<String> command) {
        List<Path> entries = new ArrayList<>(ChildLaunch.modulePath());
        entries.addAll(ChildLaunch.classPath(options));
        MessageDigest d = Hashes.sha256();
        d.update((System.getProperty("java.home") + "|" + Runtime.version() + "|" + command + "\n")
                .getBytes(StandardCharsets.UTF_8));
        for (Path p : entries) {
            if (!Files.isRegularFile(p)) {
                return null;
            }
            try {
                d.update((p.toAbsolutePath() + "|" + Files.size(p) + "|" + Files.getLastModifiedTime(p).toMillis()
                        + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                return null;
            }
        }
        String key = HexFormat.of().formatHex(d.digest()).substring(0, 24);
        return options.cacheDir().resolve("cds").resolve("child-" + key + ".jsa");
    }

    /** Starts a training child in the background, unless one ran or runs already. */
    private static synchronized void train(Path archive, List<String> command) {
        if (trainingStarted) {
            return;
        }
        trainingStarted = true;
        Thread t = new Thread(() -> runTraining(archive, command), "pagelab-child-archive");
        t.setDaemon(true);
        t.start();
    }

    private static void runTraining(Path archive, List<String> command) {
        Path lock = archive.resolveSibling(archive.getFileName() + ".lock");
        Path temp = archive.resolveSibling(archive.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(archive.getParent());
            if (!takeLock(lock)) {
                return;
            }
            List<String> cmd = new ArrayList<>(command.subList(0, command.size() - 1));
            cmd.add(1, "-XX:ArchiveClassesAtExit=" + temp);
            cmd.add(command.get(command.size() - 1));
            cmd.add(GradingChild.TRAIN);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0 && Files.isRegularFile(temp)) {
                Files.move(temp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // no archive: children boot without one, as before
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Files.deleteIfExists(temp);
                Files.deleteIfExists(lock);
            } catch (IOException e) {
                // a leftover lock goes stale
            }
        }
    }

    /** Whether this host may train now: no other host holds a fresh lock. */
    private static boolean takeLock(Path lock) throws IOException {
        try {
            Files.createFile(lock);
            return true;
        } catch (FileAlreadyExistsException e) {
            FileTime t = Files.getLastModifiedTime(lock);
            if (t.toInstant().isBefore(Instant.now().minus(STALE_LOCK))) {
                Files.deleteIfExists(lock);
                return takeLock(lock);
            }
            return false;
        }
    }
}
