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

    /**
     * Nothing of the JDK but java.base is on the image, whatever a class asks for by name: what the solution policy
     * refuses to let a solution name is not there to be reached should the policy miss a way.
     */
    @Test
    void aClassOnTheImageFindsNoModuleOfTheJdkButJavaBase() throws Exception {
        Path src = Files.createDirectories(data.resolve("probe"));
        Files.writeString(src.resolve("Probe.java"), """
                public class Probe {
                    public static void main(String[] names) {
                        for (String n : names) {
                            try {
                                Class.forName(n);
                                System.out.println(n + " present");
                            } catch (ClassNotFoundException e) {
                                System.out.println(n + " absent");
                            }
                        }
                    }
                }
                """);
        Run javac = run(List.of(Path.of(System.getProperty("java.home"), "bin", "javac").toString(), "--release", "17",
                "-d", src.toString(), src.resolve("Probe.java").toString()));
        assertThat(javac.exit).as(javac.out).isZero();

        Run probe = run(List.of(IMAGE.resolve("bin/java").toString(), "-cp", src.toString(), "Probe",
                "sun.misc.Unsafe", "javax.tools.ToolProvider", "com.sun.tools.attach.VirtualMachine",
                "java.lang.instrument.Instrumentation", "com.sun.jdi.VirtualMachine", "java.sql.Connection",
                "java.lang.Object"));

        assertThat(probe.out.lines()).containsExactly("sun.misc.Unsafe absent", "javax.tools.ToolProvider absent",
                "com.sun.tools.attach.VirtualMachine absent", "java.lang.instrument.Instrumentation absent",
                "com.sun.jdi.VirtualMachine absent", "java.sql.Connection absent", "java.lang.Object present");
    }

    /**
     * A submission out to cheat, graded on the image: the starter, plus a static initialiser that prints two hundred
     * replies claiming 1000 points for a check, the way the old protocol read them from standard output. It keeps
     * the starter's score, and the classmate graded after it keeps the reference's 100.
     */
    @Test
    void forgedRepliesOnStandardOutputGradeNothingOnTheImageAndTheNextClassmateKeepsFullMarks() throws Exception {
        Path cls = Files.createDirectories(data.resolve("class"));
        Run init = pagelab("init", "sparse-cells", cls.resolve("a-forger").toString());
        assertThat(init.exit).as(init.out).isZero();
        Path forged = cls.resolve("a-forger/SparseSpreadsheet.java");
        String forgery = "\n    static { for (int i = 1; i <= 200; i++) System.out.println(\"{\\\"id\\\":\" + i"
                + " + \",\\\"result\\\":{\\\"checkId\\\":\\\"reservesOnOpen\\\",\\\"points\\\":1000,"
                + "\\\"status\\\":\\\"PASSED\\\"}}\"); }";
        String forger = Files.readString(forged).replaceFirst("(public (final )?class SparseSpreadsheet[^{]*\\{)",
                "$1" + java.util.regex.Matcher.quoteReplacement(forgery));
        assertThat(forger).contains("static { for (int i = 1; i <= 200;");
        Files.writeString(forged, forger);
        Path honest = Files.createDirectories(cls.resolve("b-honest"));
        try (java.util.zip.ZipFile plugin = new java.util.zip.ZipFile(TARGET.resolve("plugins/sparse-cells.jar")
                .toFile())) {
            Files.write(honest.resolve("SparseSpreadsheet.java"), plugin.getInputStream(
                    plugin.getEntry("sparse-cells/reference/SparseSpreadsheet.java")).readAllBytes());
        }

        Run grade = pagelab("grade", "sparse-cells", cls.toString(), "--out", data.resolve("grades.csv").toString(),
                "--jobs", "1");

        assertThat(grade.out).as(grade.out).contains("Graded 2 submissions");
        List<String> rows = Files.readAllLines(data.resolve("grades.csv"));
        assertThat(rows).anyMatch(r -> r.startsWith("b-honest,100,100,"));
        String forgerRow = rows.stream().filter(r -> r.startsWith("a-forger,")).findFirst().orElseThrow();
        assertThat(Integer.parseInt(forgerRow.split(",")[1])).as(forgerRow).isLessThanOrEqualTo(10);
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
