package pagelab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.files.SourceCheckout;

/**
 * The {@code ./pagelab} launcher script (issue 19): the command it tells the CLI the user typed, {@code install}
 * and {@code uninstall} of the {@code ~/.local/bin} link, and the Maven options of its build. It runs on a copy of
 * the script in a temporary checkout with a temporary HOME, and with stand-ins for {@code java} and {@code mvn} that
 * print what they were given, so nothing is built or started.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class LauncherTest {
    @TempDir
    Path tmp;
    Path checkout;
    Path home;
    Path fakes;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void copyTheLauncherIntoAFakeCheckout() throws IOException {
        Path root = SourceCheckout.enclosing(Path.of("")).orElseThrow();
        checkout = Files.createDirectories(tmp.resolve("checkout"));
        Files.copy(root.resolve("pagelab"), checkout.resolve("pagelab"));
        Files.createDirectories(checkout.resolve("app/dist/target"));
        Files.writeString(checkout.resolve("app/dist/target/pagelab.jar"), "a built jar");
        home = Files.createDirectories(tmp.resolve("home"));
        fakes = Files.createDirectories(tmp.resolve("fakes"));
        script(fakes.resolve("java"), "echo \"PAGELAB_COMMAND=$PAGELAB_COMMAND\"; for a; do echo \"arg $a\"; done");
        script(fakes.resolve("javac"), "exit 0");
        // Builds the jar as Maven would, and says how it was called.
        script(fakes.resolve("mvn"), "echo \"mvn $* MAVEN_OPTS=$MAVEN_OPTS\" >&2; mkdir -p app/dist/target;"
                + " echo jar > app/dist/target/pagelab.jar");
    }

    @Test
    void theCliIsToldTheCommandAsTheUserTypedIt() throws Exception {
        assertThat(run(checkout, false, "./pagelab", "list").out()).contains("PAGELAB_COMMAND=./pagelab\n",
                "arg list\n");
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        assertThat(run(elsewhere, false, "../checkout/pagelab").out()).contains("PAGELAB_COMMAND=../checkout/pagelab\n");
    }

    @Test
    void installLinksLocalBinWarnsWhenItIsNotOnThePathAndIsIdempotent() throws Exception {
        Run first = run(checkout, false, "./pagelab", "install");
        assertThat(first.code()).as(first.err()).isZero();
        Path link = home.resolve(".local/bin/pagelab");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(link.toRealPath()).isEqualTo(checkout.resolve("pagelab").toRealPath());
        assertThat(first.out()).contains("linked " + link);
        assertThat(first.err()).contains("is not on your PATH").contains("export PATH=\"$HOME/.local/bin:$PATH\"");

        Run again = run(checkout, true, "./pagelab", "install");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("already links").contains("type pagelab from any folder");
        assertThat(again.err()).isEmpty();

        // Through the link, from any folder: the checkout is found and the hints say plain pagelab.
        Path anywhere = Files.createDirectories(tmp.resolve("anywhere"));
        Run typed = run(anywhere, true, "pagelab", "list");
        assertThat(typed.out()).contains("PAGELAB_COMMAND=pagelab\n")
                .contains("arg -Dpagelab.plugins.dir=" + checkout.toRealPath().resolve("app/dist/target/plugins"));
    }

    @Test
    void uninstallRemovesOnlyALinkToThisCheckout() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other"));
        Files.copy(checkout.resolve("pagelab"), other.resolve("pagelab"));
        assertThat(run(checkout, true, "./pagelab", "install").code()).isZero();

        Run foreign = run(other, true, "./pagelab", "uninstall");
        assertThat(foreign.code()).isEqualTo(1);
        assertThat(foreign.err()).contains("not a link to this checkout");
        assertThat(run(other, true, "./pagelab", "install").code()).as("another checkout's link is kept").isEqualTo(1);
        Path link = home.resolve(".local/bin/pagelab");
        assertThat(link.toRealPath()).isEqualTo(checkout.resolve("pagelab").toRealPath());

        Run removed = run(checkout, true, "./pagelab", "uninstall");
        assertThat(removed.code()).isZero();
        assertThat(removed.out()).contains("removed the link");
        assertThat(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        Run none = run(checkout, true, "./pagelab", "uninstall");
        assertThat(none.code()).isZero();
        assertThat(none.out()).contains("nothing to remove");
    }

    @Test
    void theBuildAsksMavenForNoColourAndNoTerminalReset() throws Exception {
        Files.delete(checkout.resolve("app/dist/target/pagelab.jar"));
        Run r = run(checkout, false, "./pagelab", "list");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("mvn -B -q -Dstyle.color=never").contains("-Djansi.noreset=true");
        assertThat(r.out()).contains("arg list");
    }

    @Test
    void theCommandLineGetsAClassDataArchiveMadeOncePerBuildOfTheHost() throws Exception {
        Path target = checkout.resolve("app/dist/target");
        Files.createDirectories(target.resolve("plugins"));
        Files.writeString(target.resolve("plugins/other.jar"), "a plugin");
        Files.writeString(target.resolve("plugins/sparse-cells.jar"), "a plugin");
        Files.createDirectories(target.resolve("lib"));
        Files.writeString(target.resolve("lib/app-core.jar"), "a library");
        // a java that makes the archive it is asked for, as the real one does at exit
        script(fakes.resolve("java"), "for a; do case \"$a\" in -XX:ArchiveClassesAtExit=*) echo archive > \"${a#*=}\";;"
                + " esac; done; for a; do echo \"arg $a\"; done");
        Path jsa = target.resolve("pagelab-cli.jsa");

        Run first = run(checkout, false, "./pagelab", "list");
        assertThat(first.err()).contains("preparing the command line's class-data archive");
        assertThat(jsa).exists();
        assertThat(first.out()).contains("arg -XX:SharedArchiveFile=" + jsa.toRealPath(), "arg list\n");

        Run again = run(checkout, false, "./pagelab", "list");
        assertThat(again.err()).as("made once").doesNotContain("preparing");
        assertThat(again.out()).contains("arg -XX:SharedArchiveFile=");

        // a library of the host changed: the JVM would refuse the archive, so it is made again
        Files.setLastModifiedTime(target.resolve("lib/app-core.jar"),
                FileTime.fromMillis(Files.getLastModifiedTime(jsa).toMillis() + 5_000));
        assertThat(run(checkout, false, "./pagelab", "list").err()).contains("preparing");
    }

    @Test
    void aFailedArchiveIsNotTriedAgainUntilTheHostChangesAndTheCommandRunsWithout() throws Exception {
        Path target = checkout.resolve("app/dist/target");
        Files.createDirectories(target.resolve("plugins"));
        Files.writeString(target.resolve("plugins/sparse-cells.jar"), "a plugin");

        Run first = run(checkout, false, "./pagelab", "list");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.err()).contains("preparing");
        assertThat(first.out()).doesNotContain("SharedArchiveFile").contains("arg list\n");
        assertThat(run(checkout, false, "./pagelab", "list").err()).doesNotContain("preparing");
    }

    private Run run(Path dir, boolean localBinOnPath, String... command) throws Exception {
        String path = (localBinOnPath ? home.resolve(".local/bin") + ":" : "") + fakes + ":/usr/bin:/bin";
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/env", "PATH=" + path, "HOME=" + home));
        cmd.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("MAVEN_OPTS");
        pb.environment().remove("PAGELAB_COMMAND");
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not end");
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
