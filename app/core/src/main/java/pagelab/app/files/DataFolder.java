package pagelab.app.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PageLab data folder as one process uses it. Opening it registers the process in {@code .running/} for as long
 * as the process lives, then removes what PageLab processes killed before they could clean up left behind: empty or
 * stale {@code cache/child-*} working folders, half-compiled {@code cache/classes/<key>.tmp*} (and {@code
 * cache/classes/api/}) folders, hidden {@code .bundle-*.tmp}, {@code .install-*.tmp}, {@code .key-*.tmp},
 * {@code .pagelab-*.tmp} and {@code .*.pagelab-tmp} files in the folder, {@code solutions/<exercise>/},
 * {@code sessions/}, {@code bundles/}, {@code plugins/} and {@code keys/}.
 *
 * <p><b>Why a register and not an age threshold.</b> The desktop and a command-line {@code grade} may run on one
 * folder at once, and a temporary folder can live as long as its process: the desktop keeps its grading child's
 * working folder for the whole session. No age tells a stale folder from a live one, and the names PageLab uses
 * today carry no owner. So each process holds an exclusive lock on its own {@code .running/<pid>-<start>.lease} for
 * its whole life (the operating system drops it when the process dies, even by {@code kill -9}); a lease that can be
 * locked belongs to a dead process. Anything a live process made is younger than its lease, so a temporary file is
 * stale when it is older than the lease of every live process, and when no other process is live, every temporary
 * file is stale: a restart after a kill finds nothing left. Registering and sweeping happen under
 * {@code .running/sweep.lock}, so a process that starts during a sweep waits and cannot lose a file it just made.
 * A name that carries its maker's process id ({@code .pid<N>-} as {@code AtomicFiles} names its files, {@code
 * <key>.tmp-<N>-} and {@code .bundle-<N>-} as the grading runner's newer names do) is judged by that process's lease
 * alone, whatever its age; names without one ({@code child-*}, {@code <key>.tmp<random>}) can only be judged by age
 * against the leases, so what a killed process made while an older PageLab still runs stays until that one ends. Writes that take moments (everything but
 * the child folders) are also stale after {@link #SHORT_LIVED_AGE}, whoever made them. Where locks do not work (some
 * network drives), only that age applies.
 *
 * <p>Thread safety: one instance per folder and JVM ({@link #open}); its methods may be called from any thread.
 */
public final class DataFolder {
    /** A write that makes a temporary file or folder other than a child's working folder ends well within this. */
    public static final Duration SHORT_LIVED_AGE = Duration.ofMinutes(10);
    /** File times can lag the clock by a tick or two (2 s on FAT): a file this close to a lease counts as younger. */
    static final long CLOCK_MARGIN_MILLIS = 2_000;
    static final String RUNNING = ".running";
    private static final Pattern LEASE = Pattern.compile("(\\d+)-(\\d+)\\.lease");
    private static final Map<Path, DataFolder> OPEN = new ConcurrentHashMap<>();

    /** What PageLab leaves behind when it is killed, as the code names it today, folder by folder. */
    private static final List<Leftover> LEFTOVERS = List.of(
            new Leftover("", "glob:.*.pagelab-tmp", false, true),
            new Leftover("", "glob:.pagelab-*.tmp", false, true),
            new Leftover("solutions/*", "glob:.*.pagelab-tmp", false, true),
            new Leftover("solutions/*", "glob:.pagelab-*.tmp", false, true),
            new Leftover("sessions", "glob:.*.pagelab-tmp", false, true),
            new Leftover("bundles", "glob:.bundle-*.tmp", false, true),
            new Leftover("plugins", "glob:.install-*.tmp", false, true),
            new Leftover("plugins", "glob:.installed-*.tmp", false, true),
            new Leftover("cache/cds", "glob:*.tmp-*", false, true),
            new Leftover("cache/classes", "glob:*.tmp*", true, true),
            new Leftover("cache/classes/api", "glob:*.tmp*", true, true),
            new Leftover("keys", "glob:.key-*.tmp", false, true),
            new Leftover("cache", "glob:child-*", true, false));

    private final Path root;
    private final long startMillis;
    private FileChannel lease;
    private volatile List<String> warnings = List.of();

    /**
     * One kind of leftover.
     *
     * @param dir        the folder, relative to the data folder; {@code solutions/*} means each exercise's folder
     * @param glob       the names, as a {@code glob:} pattern
     * @param folder     whether these are folders (removed with what they hold) rather than files
     * @param shortLived whether the write that makes it ends within {@link #SHORT_LIVED_AGE}
     */
    private record Leftover(String dir, String glob, boolean folder, boolean shortLived) {
    }

    /** What a sweep did: the leftovers it removed, and what it could not do (for the user). */
    public record Sweep(List<Path> removed, List<String> problems) {
        public Sweep {
            removed = List.copyOf(removed);
            problems = List.copyOf(problems);
        }
    }

    private DataFolder(Path root, long startMillis) {
        this.root = root;
        this.startMillis = startMillis;
    }

    /**
     * The data folder at {@code root}, created if needed, with this process registered in it and the leftovers of
     * killed processes removed (the first time this JVM opens it).
     *
     * @throws IOException if the folder cannot be created
     */
    public static DataFolder open(Path root) throws IOException {
        return open(root, System.currentTimeMillis());
    }

    /** {@link #open}, for a test that plays a process started at {@code startMillis}. */
    static DataFolder open(Path root, long startMillis) throws IOException {
        Path key = root.toAbsolutePath().normalize();
        Files.createDirectories(key);
        DataFolder folder = OPEN.computeIfAbsent(key, k -> new DataFolder(k, startMillis));
        folder.register();
        return folder;
    }

    public Path root() {
        return root;
    }

    /** What the last sweep could not do, for the user: empty when all went well. */
    public List<String> warnings() {
        return warnings;
    }

    // The first call registers the process and sweeps; later calls (another store on the same folder) do nothing.
    private synchronized void register() {
        if (lease == null) {
            warnings = sweep(true).problems();
        }
    }

    /**
     * Removes the leftovers of processes that are no longer running: call it after a check was killed, when the
     * next start may be days away. Never throws.
     */
    public synchronized Sweep sweep() {
        Sweep s = sweep(false);
        warnings = s.problems();
        return s;
    }

    private Sweep sweep(boolean registering) {
        List<Path> removed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Path running = root.resolve(RUNNING);
        try {
            Files.createDirectories(running);
            try (FileChannel mutex = FileChannel.open(running.resolve("sweep.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock held = mutex.lock()) {
                if (registering) {
                    lease = holdLease(running);
                }
                // A process that has just registered has made nothing yet: only the others' files need keeping.
                Judge judge = judge(running, !registering, problems);
                for (Leftover kind : LEFTOVERS) {
                    for (Path dir : folders(kind.dir())) {
                        removeIn(dir, kind, judge, removed, problems);
                    }
                }
            }
        } catch (IOException | OverlappingFileLockException | UnsupportedOperationException e) {
            problems.add("PageLab cannot tell which of its processes use " + root + " (" + e.getMessage()
                    + "); leftovers of killed runs are removed once they are " + SHORT_LIVED_AGE.toMinutes()
                    + " minutes old");
            Judge byAge = Judge.byAgeOnly();
            for (Leftover kind : LEFTOVERS) {
                for (Path dir : folders(kind.dir())) {
                    removeIn(dir, kind, byAge, removed, problems);
                }
            }
        }
        return new Sweep(removed, problems);
    }

    /**
     * Decides whether a leftover is stale, from the processes alive when the sweep began.
     *
     * @param livePids         the process ids of the live PageLab processes whose files must be kept, or null
     *                         when that cannot be known (only the age then counts)
     * @param cutoff           files made before this (epoch milliseconds) are older than every such process
     * @param shortLivedCutoff short-lived leftovers made before this are stale whoever made them
     */
    private record Judge(Set<Long> livePids, long cutoff, long shortLivedCutoff) {
        // A name holding its maker's process id N was made by process N: its owner's lease decides, whatever the
        // file's age. AtomicFiles writes ".pid<N>-", the grading runner's newer names "<key>.tmp-<N>-" and
        // ".bundle-<N>-<random>.tmp"; older names carry random digits with no dash after them, never a match.
        private static final Pattern OWNER = Pattern.compile("(?:[.-]pid|\\.tmp-|^\\.bundle-)(\\d+)-");

        static Judge byAgeOnly() {
            return new Judge(null, Long.MIN_VALUE, System.currentTimeMillis() - SHORT_LIVED_AGE.toMillis());
        }

        boolean stale(String name, long made, boolean shortLived) {
            if (shortLived && made < shortLivedCutoff) {
                return true;
            }
            if (livePids == null) {
                return false;
            }
            Matcher m = OWNER.matcher(name);
            Long owner = null;
            while (m.find()) {
                owner = Long.parseLong(m.group(1));
            }
            return owner != null ? !livePids.contains(owner) : made < cutoff;
        }
    }

    /**
     * Looks at {@code .running/}: removes the leases of dead processes and returns the judge for the live ones
     * (this process included when {@code includeSelf}). Caller holds {@code sweep.lock}.
     */
    private Judge judge(Path running, boolean includeSelf, List<String> problems) throws IOException {
        Set<Long> pids = new HashSet<>();
        Long oldest = null;
        if (includeSelf) {
            pids.add(ProcessHandle.current().pid());
            oldest = startMillis;
        }
        String mine = ProcessHandle.current().pid() + "-" + startMillis + ".lease";
        try (DirectoryStream<Path> leases = Files.newDirectoryStream(running, "*.lease")) {
            for (Path f : leases) {
                Matcher m = LEASE.matcher(f.getFileName().toString());
                if (!m.matches() || f.getFileName().toString().equals(mine)) {
                    continue;
                }
                if (isLive(f)) {
                    pids.add(Long.parseLong(m.group(1)));
                    oldest = min(oldest, Long.parseLong(m.group(2)));
                } else {
                    try {
                        Files.deleteIfExists(f);
                    } catch (IOException e) {
                        problems.add("could not remove " + f + " (" + e.getMessage() + ")");
                    }
                }
            }
        }
        long cutoff = oldest == null ? Long.MAX_VALUE : oldest - CLOCK_MARGIN_MILLIS;
        return new Judge(pids, cutoff, System.currentTimeMillis() - SHORT_LIVED_AGE.toMillis());
    }

    private FileChannel holdLease(Path running) throws IOException {
        Path file = running.resolve(ProcessHandle.current().pid() + "-" + startMillis + ".lease");
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (ch.tryLock() == null) {
                throw new IOException("cannot lock " + file);
            }
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        // Held for the life of the process. A normal exit removes the file; after a kill the next sweep does.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                ch.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the next sweep removes it
            }
        }, "pagelab-lease"));
        return ch;
    }

    private static boolean isLive(Path lease) {
        try (FileChannel ch = FileChannel.open(lease, StandardOpenOption.WRITE)) {
            FileLock probe = ch.tryLock();
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this JVM: a folder opened under another path name
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return true; // cannot tell: keep its files
        }
    }

    /**
     * Removes the leftovers of a folder outside the data folder that a command writes into ({@code grade
     * --bundles DIR}, the folder of {@code --out FILE}): hidden {@code .bundle-*.tmp} and {@code .pagelab-*.tmp}
     * files, with the rule of the data folder (so it assumes that only processes of this data folder write there).
     * Never throws.
     */
    public synchronized Sweep sweepAlso(Path dir) {
        List<Path> removed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Judge judge;
        try (FileChannel mutex = FileChannel.open(root.resolve(RUNNING).resolve("sweep.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock held = mutex.lock()) {
            judge = judge(root.resolve(RUNNING), true, problems);
        } catch (IOException | OverlappingFileLockException | UnsupportedOperationException e) {
            judge = Judge.byAgeOnly();
        }
        for (String glob : List.of("glob:.bundle-*.tmp", "glob:.pagelab-*.tmp")) {
            removeIn(dir, new Leftover("", glob, false, true), judge, removed, problems);
        }
        return new Sweep(removed, problems);
    }

    private List<Path> folders(String relative) {
        if (!relative.endsWith("/*")) {
            return List.of(root.resolve(relative));
        }
        Path parent = root.resolve(relative.substring(0, relative.length() - 2));
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(parent, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent)) {
                ds.forEach(p -> {
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        out.add(p);
                    }
                });
            } catch (IOException e) {
                // an unreadable folder holds nothing we can remove
            }
        }
        return out;
    }

    private static void removeIn(Path dir, Leftover kind, Judge judge, List<Path> removed, List<String> problems) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        var matcher = dir.getFileSystem().getPathMatcher(kind.glob());
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> matcher.matches(p.getFileName()))) {
            for (Path p : ds) {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue; // its writer finished meanwhile
                }
                if (a.isDirectory() != kind.folder() || a.isSymbolicLink()) {
                    continue;
                }
                // For a folder this is the time of its last change, never earlier than its creation: a safe proxy.
                long made = a.lastModifiedTime().toMillis();
                if (judge.stale(p.getFileName().toString(), made, kind.shortLived()) && delete(p, problems)) {
                    removed.add(p);
                }
            }
        } catch (IOException e) {
            problems.add("could not look for leftovers in " + dir + " (" + e.getMessage() + ")");
        }
    }

    // Removes a file, or a folder with everything in it. Links are removed, never followed: a child's working
    // folder holds whatever the student's code made there, a link to the user's home included.
    private static boolean delete(Path p, List<String> problems) {
        try {
            Files.walkFileTree(p, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
            return true;
        } catch (NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            problems.add("could not remove the leftover " + p + " (" + e.getMessage() + ")");
            return false;
        }
    }

    private static Long min(Long a, Long b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return Math.min(a, b);
    }
}
