package pagelab.app.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a student gets it: unpacked into a folder of its own (with the file modes the zip keeps,
 * as unzip restores them), run with a PATH that holds java and nothing of the build (no mvn, not even dirname),
 * a fresh data folder and no source tree around. Runs after package (the zip is built there), see app/dist's pom.
 */
class ReleaseZipIT {
    private static final Path ZIP = Path.of(System.getProperty("pagelab.release.zip",
            "target/pagelab-unknown.zip")).toAbsolutePath();

    @TempDir
    static Path temp;
    private static Path release;
    private static Path path;

    @BeforeAll
    static void unpack() throws IOException {
        assertThat(ZIP).as("the release archive, built in package").isRegularFile();
        release = unzip(ZIP, temp.resolve("unpacked")).resolve(ZIP.getFileName().toString().replaceFirst("\\.zip$",
                ""));
        // The PATH of a student's machine with a JDK and nothing of the build: java and only java.
        path = Files.createDirectories(temp.resolve("path"));
        Files.createSymbolicLink(path.resolve("java"), Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    @AfterAll
    static void removeTheLinkToTheJdk() throws IOException {
        Files.deleteIfExists(path.resolve("java")); // before @TempDir's clean-up, which warns about links out
    }

    @Test
    void holdsTheLaunchersTheLibrariesThePluginsAndTheStudentsDocs() throws IOException {
        assertThat(release.resolve("bin/pagelab")).isExecutable();
        assertThat(Files.readString(release.resolve("bin/pagelab.cmd"))).as("cmd.exe needs CRLF")
                .contains("\r\n").doesNotContainPattern("[^\r]\n");
        assertThat(release.resolve("lib/pagelab.jar")).isRegularFile();
        try (Stream<Path> s = Files.list(release.resolve("plugins"))) {
            assertThat(s.map(p -> p.getFileName().toString())).contains("sparse-cells.jar").hasSizeGreaterThan(10);
        }
        assertThat(release.resolve("docs/student-guide.md")).isRegularFile();
        assertThat(release.resolve("docs/cli.md")).isRegularFile();
        assertThat(release.resolve("README.md")).content().contains("bin/pagelab", "JDK");
    }

    @Test
    void listsAndGradesWithoutMavenOnThePath() throws Exception {
        Run which = run(List.of("/bin/sh", "-c", "command -v mvn || echo no-mvn"), Map.of());
        assertThat(which.out.strip()).as("mvn on the test's PATH").isEqualTo("no-mvn");

        Run list = run(List.of(launcher(), "list"), Map.of());
        assertThat(list.code).as(list.toString()).isZero();
        assertThat(list.out).contains("sparse-cells", "commit-on-fault").doesNotContain("FAILED");

        Run check = run(List.of(launcher(), "check", "sparse-cells", "--reference"), Map.of());
        assertThat(check.code).as(check.toString()).isZero();
        assertThat(check.out).containsPattern("sparse-cells: (\\d+)/\\1 points");
    }

    /**
     * The zip has no runtime for the grading children (it is one file for every system); {@code bin/pagelab
     * child-runtime} links one in the unpacked folder, with the JDK on the PATH, and children then grade on it.
     * On a copy of the release of its own: the other tests see the zip as it comes.
     */
    @Test
    void linksTheGradingChildrensRuntimeInTheUnpackedReleaseOnRequest() throws Exception {
        Path copy = unzip(ZIP, temp.resolve("with-runtime")).resolve(release.getFileName().toString());
        String pagelab = copy.resolve("bin/pagelab").toString();
        assertThat(run(List.of(pagelab, "--version"), Map.of()).out).contains("grading children: no runtime image");

        Run linked = run(List.of(pagelab, "child-runtime"), Map.of());
        assertThat(linked.code).as(linked.toString()).isZero();
        assertThat(linked.out).contains("Linked the grading children's runtime in " + copy.resolve("child-runtime"));
        assertThat(run(List.of(pagelab, "--version"), Map.of()).out)
                .contains("grading children: runtime image " + copy.resolve("child-runtime"));
        Run check = run(List.of(pagelab, "check", "sparse-cells", "--reference", "--graded"), Map.of());
        assertThat(check.code).as(check.toString()).isZero();
        assertThat(check.out).contains("sparse-cells: 100/100 points");
    }

    /**
     * The workshop leader's kit: the release with two exercises and a track, in a new folder; PageLab started from
     * the kit offers those two only (and the kit keeps its launcher executable, and leaves this machine's class-data
     * archive behind).
     */
    @Test
    void makesAWorkshopKitWithTheChosenExercisesAndTrack() throws Exception {
        Path track = Files.writeString(temp.resolve("day1.txt"), "== Day 1\nstack-guard\nsparse-cells\n");
        Path kit = temp.resolve("usb/pagelab-kit");
        Run made = run(List.of(launcher(), "kit", kit.toString(), "--exercises", "sparse-cells,stack-guard",
                "--track", track.toString()), Map.of());
        assertThat(made.code).as(made.toString()).isZero();
        assertThat(made.out).contains("Wrote the kit to " + kit, "2 exercises");
        assertThat(kit.resolve("bin/pagelab")).isExecutable();
        assertThat(kit.resolve("track.txt")).hasSameTextualContentAs(track);
        assertThat(kit.resolve("lib/pagelab-desktop.jsa")).doesNotExist();
        try (Stream<Path> s = Files.list(kit.resolve("plugins"))) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("sparse-cells.jar",
                    "stack-guard.jar");
        }

        Run list = run(List.of(kit.resolve("bin/pagelab").toString(), "list", "--format", "json"), Map.of());
        assertThat(list.code).as(list.toString()).isZero();
        assertThat(list.out).contains("\"sparse-cells\"", "\"stack-guard\"").doesNotContain("commit-on-fault");
        Run check = run(List.of(kit.resolve("bin/pagelab").toString(), "check", "stack-guard", "--reference"),
                Map.of());
        assertThat(check.code).as(check.toString()).isZero();

        Run again = run(List.of(launcher(), "kit", kit.toString(), "--exercises", "sparse-cells"), Map.of());
        assertThat(again.code).as("a kit folder that is not empty").isEqualTo(9);
        Run unknown = run(List.of(launcher(), "kit", temp.resolve("other").toString(), "--exercises", "sparse-cells",
                "--track", track.toString()), Map.of());
        assertThat(unknown.code).isEqualTo(2);
        assertThat(unknown.err).contains("stack-guard");
    }

    @Test
    void onAJavaWithoutTheCompilerSaysToInstallAJdk() throws Exception {
        // --limit-modules java.base: a runtime without jdk.compiler, as a JRE or a small jlink image is.
        Run r = run(List.of(launcher(), "list"), Map.of("PAGELAB_JAVA_OPTS", "--limit-modules java.base"));
        assertThat(r.code).isEqualTo(Launcher.NO_SUITABLE_JDK);
        assertThat(r.err).contains("needs a JDK", "javax.tools", "Temurin 17 JDK");
    }

    @Test
    void withoutAnyJavaSaysWhatToInstall() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("empty-path"));
        Map<String, String> env = new HashMap<>(Map.of("PATH", empty.toString()));
        Run r = run(List.of(launcher(), "list"), env);
        assertThat(r.code).isEqualTo(127);
        assertThat(r.err).contains("no Java found", "JDK");
    }

    /**
     * The desktop: the first start paints its window (the desktop's own report of the frame's first paint) and
     * leaves the class-data archive in lib/; the second start loads the desktop's classes from that archive and
     * shows a window titled PageLab on the display (looked up with xwininfo, where it is installed).
     */
    @Test
    void startsTheDesktopAndItsSecondStartUsesTheClassDataArchive() throws Exception {
        String display = System.getenv("DISPLAY");
        assumeTrue(display != null && !display.isBlank() && !display.startsWith("$"),
                "no display and no Xvfb: the release's desktop was not started (install xvfb to run this part)");
        Run first = run(List.of(launcher()), Map.of("PAGELAB_JAVA_OPTS",
                "-Dpagelab.startupTime=true -Dpagelab.quitAfterPaint=true"));
        assertThat(first.code).as(first.toString()).isZero();
        assertThat(first.out).containsPattern("startup-ms \\d+").containsPattern("plugins-loaded-ms \\d+");
        assertThat(release.resolve("lib/pagelab-desktop.jsa")).as("the desktop's class-data archive").isRegularFile();

        Path classLog = temp.resolve("classes.log");
        ProcessBuilder pb = processBuilder(List.of(launcher()), Map.of("PAGELAB_JAVA_OPTS",
                "-Dpagelab.startupTime=true -Xlog:class+load=info:file=" + classLog));
        Path out = temp.resolve("second.out");
        Process p = pb.redirectOutput(out.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
            while (!Files.readString(out).contains("plugins-loaded-ms") && p.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(Files.readString(out)).as("the second start").contains("plugins-loaded-ms");
            if (Files.isExecutable(Path.of("/usr/bin/xwininfo"))) {
                Run windows = run(List.of("/usr/bin/xwininfo", "-root", "-tree"), Map.of());
                assertThat(windows.out).as("the windows on %s", display).contains("\"PageLab\"");
            } else {
                System.out.println("ReleaseZipIT: no xwininfo; the window is known only from its first paint");
            }
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(classLog)).as("desktop classes from the archive made by the first start")
                .containsPattern("pagelab\\.app\\.desktop\\.MainFrame source: shared objects file \\(top\\)");
    }

    private static String launcher() {
        return release.resolve("bin/pagelab").toString();
    }

    private record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private static ProcessBuilder processBuilder(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(Files.createDirectories(temp.resolve("cwd")).toFile());
        Map<String, String> e = pb.environment();
        e.remove("JAVA_HOME");
        e.remove("PAGELAB_JAVA_OPTS");
        e.remove("PAGELAB_PLUGINS_DIR");
        e.remove("PAGELAB_DEV_ROOT");
        e.put("PATH", path.toString());
        e.put("HOME", temp.resolve("home").toString());
        e.put("PAGELAB_HOME", temp.resolve("data").toString());
        e.putAll(env);
        return pb;
    }

    private static Run run(List<String> command, Map<String, String> env) throws Exception {
        Path out = Files.createTempFile(temp, "out", ".txt");
        Path err = Files.createTempFile(temp, "err", ".txt");
        Process p = processBuilder(command, env).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " ran past 60 s");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Unpacks {@code zip} into {@code dir} with the Unix modes it records, as unzip does. */
    static Path unzip(Path zip, Path dir) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
                Map.of("enablePosixFileAttributes", "true"))) {
            Path root = fs.getPath("/");
            List<Path> entries = new ArrayList<>();
            try (Stream<Path> s = Files.walk(root)) {
                s.forEach(entries::add);
            }
            for (Path entry : entries) {
                Path target = dir.resolve(root.relativize(entry).toString());
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entry, target, StandardCopyOption.REPLACE_EXISTING);
                    Set<PosixFilePermission> mode = Files.getFileAttributeView(entry, PosixFileAttributeView.class)
                            .readAttributes().permissions();
                    Files.setPosixFilePermissions(target, mode.isEmpty()
                            ? PosixFilePermissions.fromString("rw-r--r--") : mode);
                }
            }
        }
        return dir;
    }
}
