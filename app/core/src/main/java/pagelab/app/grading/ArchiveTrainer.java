package pagelab.app.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The process that makes one class-data archive of {@link ChildArchive}: starts the training child with the JVM's
 * {@code -XX:ArchiveClassesAtExit}, waits for it, and moves a complete archive into place, so that no child ever maps
 * a half-written one. A process of its own because the command that asked for the archive (a {@code check}) may
 * end first. Whatever happens, it removes its training folder, the training's lock.
 *
 * <p>Arguments: the archive, the training folder, the requests file, then the child's command from {@code java}
 * to its main class.
 */
public final class ArchiveTrainer {
    /** How long a training child may run: the reference through every check, like one slow submission. */
    static final long LIMIT_MILLIS = TimeUnit.MINUTES.toMillis(2);

    private ArchiveTrainer() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path archive = Path.of(args[0]);
        Path folder = Path.of(args[1]);
        List<String> child = List.of(args).subList(3, args.length);
        Path temp = folder.resolve("archive.jsa");
        try {
            List<String> cmd = new ArrayList<>(child);
            cmd.add(1, "-XX:ArchiveClassesAtExit=" + temp);
            cmd.addAll(List.of(GradingChild.TRAIN, args[2]));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(LIMIT_MILLIS, TimeUnit.MILLISECONDS) && p.exitValue() == 0 && Files.isRegularFile(temp)) {
                Files.move(temp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // no archive: children boot without one
        } finally {
            deleteQuietly(folder);
        }
    }

    /** Removes {@code folder} and what it holds, as far as it can. */
    static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // a leftover folder goes stale and is removed by the next training
        }
    }
}
