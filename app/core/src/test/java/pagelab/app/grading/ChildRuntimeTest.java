package pagelab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.results.Hashes;

/**
 * Which runtime a grading child gets: PageLab's runtime image only when it was linked from the kernel jars this host
 * has; the host's JDK, saying why, in every other case. (The real image, linked by app/dist's build, is tested there:
 * ChildRuntimeIT.)
 */
class ChildRuntimeTest {
    @TempDir
    Path dist;
    private Path api;
    private Path sim;
    private List<Path> modules;

    @BeforeEach
    void aDistributionWithTheKernelsJars() throws IOException {
        Files.createDirectories(dist.resolve("lib"));
        api = Files.writeString(dist.resolve("lib/kernel-api.jar"), "the kernel's API, build 1");
        sim = Files.writeString(dist.resolve("lib/kernel-sim.jar"), "the simulator, build 1");
        modules = List.of(api, sim);
    }

    @Test
    void anImageLinkedFromTheseJarsServesTheChildrenWithoutAModulePath() throws IOException {
        Path image = image(dist.resolve(ChildRuntime.FOLDER), sha(api), sha(sim));

        ChildRuntime r = ChildRuntime.find(null, modules);

        assertThat(r.image()).isTrue();
        assertThat(r.home()).isEqualTo(image.toAbsolutePath());
        assertThat(r.java()).isEqualTo(image.toAbsolutePath().resolve("bin/java"));
        assertThat(r.moduleOptions()).isEmpty();
        assertThat(r.readablePaths()).containsExactly(image.toAbsolutePath());
        assertThat(r.note()).contains("runtime image");
        List<String> cmd = ChildLaunch.baseCommand(GraderOptions.defaults(dist.resolve("data")), r);
        assertThat(cmd.get(0)).isEqualTo(r.java().toString());
        assertThat(cmd).doesNotContain("--module-path", "--add-modules");
    }

    @Test
    void anImageLinkedFromAnotherBuildOfTheSimulatorIsNotUsed() throws IOException {
        image(dist.resolve(ChildRuntime.FOLDER), sha(api), sha(sim));
        Files.writeString(sim, "the simulator, build 2");

        ChildRuntime r = ChildRuntime.find(null, modules);

        assertThat(r.image()).isFalse();
        assertThat(r.java()).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java"));
        assertThat(r.note()).contains("another build of pagelab.sim");
        List<String> cmd = ChildLaunch.baseCommand(GraderOptions.defaults(dist.resolve("data")), r);
        assertThat(cmd).contains("--module-path", "--add-modules");
    }

    @Test
    void anImageWithoutItsRecordOrItsJavaIsNotUsed() throws IOException {
        Path image = image(dist.resolve(ChildRuntime.FOLDER), sha(api), sha(sim));
        Files.delete(image.resolve(ChildRuntime.MANIFEST));
        assertThat(ChildRuntime.find(null, modules).note()).contains("no readable " + ChildRuntime.MANIFEST);

        Path other = image(dist.resolve("other"), sha(api), sha(sim));
        Files.delete(other.resolve("bin/java"));
        ChildRuntime r = ChildRuntime.find(other.toString(), modules);
        assertThat(r.image()).isFalse();
        assertThat(r.note()).contains("no bin/java");
    }

    @Test
    void thePropertyNamesTheImageOrTurnsItOff() throws IOException {
        Path elsewhere = image(dist.resolve("elsewhere"), sha(api), sha(sim));

        assertThat(ChildRuntime.find(elsewhere.toString(), modules).image()).isTrue();
        assertThat(ChildRuntime.find("none", modules).image()).isFalse();
        assertThat(ChildRuntime.find("", modules).note()).contains(ChildRuntime.PROPERTY);
    }

    @Test
    void withoutAnImageChildrenRunOnTheHostsJdkWithTheKernelOnTheModulePath() {
        ChildRuntime r = ChildRuntime.find(null, modules);

        assertThat(r.image()).isFalse();
        assertThat(r.note()).contains("no runtime image");
        assertThat(r.moduleOptions()).containsExactly("--module-path", ChildLaunch.join(ChildLaunch.modulePath()),
                "--add-modules", "pagelab.kernel,pagelab.sim");
        assertThat(r.readablePaths()).startsWith(Path.of(System.getProperty("java.home")));
    }

    /** A stand-in for a linked image: an executable bin/java and the record of what it was linked from. */
    private static Path image(Path home, String apiSha, String simSha) throws IOException {
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve(ChildRuntime.MANIFEST), "pagelab.kernel.sha256=" + apiSha
                + "\npagelab.sim.sha256=" + simSha + "\n", StandardCharsets.UTF_8);
        return home;
    }

    private static String sha(Path file) throws IOException {
        return HexFormat.of().formatHex(Hashes.sha256().digest(Files.readAllBytes(file)));
    }
}
