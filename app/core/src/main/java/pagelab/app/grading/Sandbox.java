package pagelab.app.grading;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The operating system's share of the trust boundary, in graded mode: the grading child runs under bubblewrap
 * ({@code bwrap}, Linux user namespaces), which gives it a read-only view of the machine with the user's home, the
 * temporary folder, the data folder and the submissions hidden (only what the child must read is shown again, read
 * only), one writable folder of its own, no network, its own process tree (whatever it starts dies with it) and no
 * capabilities. Where bubblewrap is missing or cannot run (macOS, Windows, a kernel without user namespaces), the
 * solution policy and the JVM's own limits are the boundary; {@link #describe} says which applies.
 */
public final class Sandbox {
    /** How graded runs use the operating system's isolation. */
    public enum Mode {
        /** Use bubblewrap when it works here, else run with the policy alone. */
        AUTO,
        /** Refuse to grade without bubblewrap. */
        REQUIRED,
        /** Never use it (for debugging a child). */
        OFF
    }

    private static volatile Boolean available;

    private Sandbox() {
    }

    /** Whether {@code bwrap} is installed and can make a sandbox here (tried once per JVM). */
    public static boolean available() {
        Boolean a = available;
        if (a == null) {
            a = probe();
            available = a;
        }
        return a;
    }

    private static boolean probe() {
        Path bwrap = bwrap();
        if (bwrap == null) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(bwrap.toString(), "--ro-bind", "/", "/", "--unshare-all",
                    "--die-with-parent", "--cap-drop", "ALL", "true").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path bwrap() {
        String path = System.getenv("PATH");
        if (path == null || File.separatorChar != '/') {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, "bwrap");
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * {@code command} wrapped in a sandbox.
     *
     * @param childDir the child's own folder (its working folder and channel): the only writable one
     * @param readable what the child reads besides the system: the JDK, its jars, the plugin, the compiled classes
     * @param hidden   folders to hide besides the home, the temporary folder and {@code /run}
     */
    static List<String> wrap(List<String> command, Path childDir, List<Path> readable, List<Path> hidden) {
        List<String> cmd = new ArrayList<>(List.of(bwrap().toString(), "--die-with-parent", "--new-session",
                "--unshare-all", "--cap-drop", "ALL", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                "--tmpfs", "/tmp", "--tmpfs", "/run"));
        List<Path> hide = new ArrayList<>(hidden);
        String home = System.getProperty("user.home");
        if (home != null && !home.isBlank() && !Path.of(home).toAbsolutePath().equals(Path.of("/"))) {
            hide.add(Path.of(home));
        }
        for (Path h : hide) {
            Path a = h.toAbsolutePath().normalize();
            if (Files.isDirectory(a) && a.getNameCount() > 0) {
                cmd.addAll(List.of("--tmpfs", a.toString()));
            }
        }
        for (Path r : readable) {
            Path a = r.toAbsolutePath().normalize();
            if (Files.exists(a)) {
                cmd.addAll(List.of("--ro-bind", a.toString(), a.toString()));
            }
        }
        String dir = childDir.toAbsolutePath().normalize().toString();
        cmd.addAll(List.of("--bind", dir, dir, "--chdir", childDir.resolve("work").toAbsolutePath().toString(),
                "--setenv", "HOME", childDir.resolve("work").toAbsolutePath().toString(), "--"));
        cmd.addAll(command);
        return cmd;
    }
}
