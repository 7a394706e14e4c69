package pagelab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdkBoundaryTest {
    @TempDir
    Path dir;

    @Test
    void theToyExerciseUsesOnlyTheSdk() throws Exception {
        assertThat(SdkBoundary.violations(AdderExercise.class)).isEmpty();
    }

    @Test
    void aClassFileReferringToTheSimulatorIsReported() throws Exception {
        // Constant-pool class references use internal names, e.g. pagelab/sim/SimMachine.
        Files.createDirectories(dir.resolve("p"));
        // Joined at run time, so that this test's own class file does not contain the name it looks for.
        String simName = String.join("/", "pagelab", "sim", "SimMachine");
        Files.write(dir.resolve("p/Sneaky.class"), ("\u00CA\u00FE.." + simName + "..")
                .getBytes(StandardCharsets.ISO_8859_1));
        Files.write(dir.resolve("p/Fine.class"), "..pagelab/kernel/Kernel32..".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(SdkBoundary.violations(dir)).containsExactly("p/Sneaky.class");
    }

    @Test
    void aCheckerUsingTheJdkBeyondJavaBaseIsReportedWithTheModule() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path source = Files.createDirectories(dir.resolve("src/p")).resolve("Logs.java");
        Files.writeString(source, """
                package p;
                public class Logs {
                    private java.util.List<java.sql.Date> dates;
                    public static void log(String s) { java.util.logging.Logger.getLogger("x").info(s); }
                }
                """);
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-d", classes.toString(), source.toString())).isZero();

        assertThat(SdkBoundary.outsideJavaBase(classes)).containsExactly(
                "p/Logs.class uses java.sql.Date (java.sql)",
                "p/Logs.class uses java.util.logging.Logger (java.logging)");
        // the toy exercise's classes use java.base only (this test's class, beside them, uses javac)
        assertThat(SdkBoundary.outsideJavaBase(PluginContents.location(AdderExercise.class)))
                .allMatch(line -> line.startsWith("pagelab/testkit/SdkBoundaryTest.class "));
    }
}
