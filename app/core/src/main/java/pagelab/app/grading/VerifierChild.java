package pagelab.app.grading;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import pagelab.exercise.CheckRunner;
import pagelab.exercise.Exercise;
import pagelab.solutions.SolutionCompiler;
import pagelab.testkit.ExerciseVerifier;
import pagelab.testkit.Finding;
import pagelab.testkit.VerificationReport;

/**
 * The main class of a verification child JVM: {@code VerifierChild EXERCISE_CLASS CACHE_DIR PLUGIN_CLASSPATH...}
 * runs the test kit's {@link ExerciseVerifier} on the exercise, compiling into the host's cache, and writes the
 * {@link VerificationReport} as one line after {@link #REPLY}. Shipped solutions are an instructor's own, trusted
 * but possibly wrong in any way, so they run here and not in the host.
 */
public final class VerifierChild {
    /** Starts the report's line on standard output. */
    static final String REPLY = "\u0001pagelab:report ";

    private VerifierChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        System.setOut(quiet);
        System.setErr(quiet);
        VerificationReport report;
        try {
            URL[] urls = new URL[args.length - 2];
            for (int i = 2; i < args.length; i++) {
                urls[i - 2] = Path.of(args[i]).toUri().toURL();
            }
            ClassLoader loader = new URLClassLoader("plugin", urls, VerifierChild.class.getClassLoader());
            Exercise exercise = (Exercise) Class.forName(args[0], true, loader).getConstructor().newInstance();
            CheckRunner runner = new CheckRunner(new CheckRunner.Options(CheckRunner.Options.DEFAULT_SEED,
                    ExerciseVerifier.CHECK_TIMEOUT), GradingChild.machines());
            report = new ExerciseVerifier(runner, new SolutionCompiler(Path.of(args[1]))).verify(exercise);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            report = new VerificationReport(args.length > 0 ? args[0] : "?",
                    List.of(new Finding("load", false, "cannot instantiate the exercise: " + e)));
        }
        protocol.print("\n" + REPLY + RecordJson.write(report) + "\n");
        protocol.flush();
        Runtime.getRuntime().halt(0);
    }
}
