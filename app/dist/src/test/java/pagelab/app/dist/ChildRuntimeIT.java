package pagelab.app.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grading children's runtime this build linked (target/child-runtime, app/dist's pom): what it holds, and that
 * the distribution grades on it. Runs after package, where the image is made.
 */
class ChildRuntimeIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();
    private static final Path IMAGE = TARGET.resolve("child-runtime");

    @TempDir
    Path data;

    @Test
    void aJdkWithJlinkMadeTheImageWithJavaBaseAndTheKernelsModulesOnly() throws Exception {
        // the build links it wherever it can: a JDK with jlink and its modules (Debian's and Temurin's have both)
        assertThat(Path.of(System.getProperty("java.home"), "bin", "jlink")).as("this JDK's jlink").isExecutable();
        assertThat(Path.of(System.getProperty("java.home"), "jmods", "java.base.jmod")).as("this JDK's jmods")
                .isRegularFile();

        Run modules = run(List.of(IMAGE.resolve("bin/java").toString(), "--list-modules"));

        assertThat(modules.exit).as(modules.out).isZero();
        assertThat(modules.out.lines().map(l -> l.replaceFirst("@.*", "")))
                .containsExactlyInAnyOrder("java.base", "pagelab.kernel", "pagelab.sim");
        assertThat(IMAGE.resolve("lib/server/classes.jsa")).as("the image's own class-data archive").isRegularFile();
    }

    @Test
    void theDistributionsChildrenRunOnItAndGradeTheReference() throws Exception {
        Run version = pagelab("--version");
        assertThat(version.out).contains("grading children: runtime image " + IMAGE);

        Run check = pagelab("check", "sparse-cells", "--reference", "--graded");
        assertThat(check.exit).as(check.out).isZero();
        assertThat(check.out).contains("sparse-cells: 100/100 points");
    }

    @Test
    void theBuildLinkedItWithTheCommandAnInstallationWithoutOneUses() throws Exception {
        Run again = pagelab("child-runtime");

        assertThat(again.exit).as(again.out).isZero();
        assertThat(again.out).contains("The grading children's runtime in " + IMAGE + " is up to date");
    }

    @Test
    void withThePropertySetToNoneTheChildrenRunOnTheHostsJdk() throws Exception {
        Run version = pagelab("-Dpagelab.child.runtime=none", "--version");

        assertThat(version.out).contains("grading children: no runtime image");
    }

    /** The distribution's command line; leading -D options go to its JVM. */
    private Run pagelab(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dpagelab.plugins.dir=" + TARGET.resolve("plugins")));
        int i = 0;
        while (i < args.length && args[i].startsWith("-D")) {
            cmd.add(args[i++]);
        }
        cmd.addAll(List.of("-jar", TARGET.resolve("pagelab.jar").toString()));
        cmd.addAll(List.of(args).subList(i, args.length));
        return run(cmd);
    }

    private Run run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PAGELAB_HOME", data.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s ends", cmd).isTrue();
        return new Run(p.exitValue(), out);
    }

    private record Run(int exit, String out) {
    }
}
