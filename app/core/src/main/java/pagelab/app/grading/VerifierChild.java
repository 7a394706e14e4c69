package pagelab.app.grading;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import pagelab.exercise.CheckRunner;
import pagelab.exercise.Exercise;
import pagelab.testkit.ExerciseVerifier;
import pagelab.testkit.Finding;
import pagelab.testkit.SourceCompiler;
import pagelab.testkit.VerificationReport;

/**
 * The main class of a verification child JVM: {@code VerifierChild EXERCISE_CLASS PLUGIN_CLASSPATH...} runs the
 * test kit's {@link ExerciseVerifier} on the exercise and writes the {@link VerificationReport} as one protocol
 * line. Shipped solutions are trusted but may still be wrong in any way, so they run here and not in the host.
 */
public final class VerifierChild {
    private VerifierChild() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        System.setOut(quiet);
        System.setErr(quiet);
        VerificationReport report;
        try {
            URL[] urls = new URL[args.length - 1];
            for (int i = 1; i < args.length; i++) {
                urls[i - 1] = Path.of(args[i]).toUri().toURL();
            }
            ClassLoader loader = new URLClassLoader("plugin", urls, VerifierChild.class.getClassLoader());
            Exercise exercise = (Exercise) Class.forName(args[0], true, loader).getConstructor().newInstance();
            CheckRunner runner = new CheckRunner(new CheckRunner.Options(CheckRunner.Options.DEFAULT_SEED,
                    ExerciseVerifier.CHECK_TIMEOUT), GradingChild.machines());
            report = new ExerciseVerifier(runner, new SourceCompiler()).verify(exercise);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            report = new VerificationReport(args.length > 0 ? args[0] : "?",
                    java.util.List.of(new Finding("load", false, "cannot instantiate the exercise: " + e)));
        }
        protocol.print("\n" + ChildProtocol.REPLY + RecordJson.write(report) + "\n");
        protocol.flush();
        Runtime.getRuntime().halt(0);
    }
}
