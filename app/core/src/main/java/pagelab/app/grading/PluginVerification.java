package pagelab.app.grading;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import pagelab.app.plugins.LoadedExercise;
import pagelab.testkit.Finding;
import pagelab.testkit.VerificationReport;

/**
 * Runs the test kit's verification of one exercise ({@code pagelab verify-plugin}) in a child JVM with a time
 * limit, so a shipped solution that loops or exits cannot take the command down with it.
 */
public final class PluginVerification {
    private final GraderOptions options;
    private final Duration limit;

    public PluginVerification(GraderOptions options, Duration limit) {
        this.options = options;
        this.limit = limit;
    }

    /** The verification report; a child that dies or overruns gives a report with one failed finding saying so. */
    public VerificationReport verify(LoadedExercise exercise) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-Xmx" + Math.max(512, options.heapMegabytes()) + "m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true"));
        String machines = System.getProperty(Grader.MACHINES_PROPERTY);
        if (machines != null && !machines.isBlank()) {
            cmd.add("-D" + Grader.MACHINES_PROPERTY + "=" + machines);
        }
        cmd.addAll(options.childJvmArgs());
        cmd.addAll(List.of("-cp", absolute(System.getProperty("java.class.path")), VerifierChild.class.getName(),
                exercise.exerciseClassName(), options.cacheDir().resolve("classes").toString()));
        exercise.classpath().forEach(p -> cmd.add(p.toString()));
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return failed(exercise, "cannot start the verification JVM: " + e.getMessage());
        }
        AtomicReference<String> reply = new AtomicReference<>();
        Thread reader = new Thread(() -> read(p, reply), "pagelab-verify-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return failed(exercise, "verification did not finish within " + limit.toSeconds()
                        + " s: does a shipped solution loop?");
            }
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return failed(exercise, "interrupted");
        }
        if (reply.get() == null) {
            return failed(exercise, "the verification JVM ended without a report (exit code " + p.exitValue()
                    + "): does a shipped solution call System.exit?");
        }
        try {
            return RecordJson.read(reply.get(), VerificationReport.class);
        } catch (RuntimeException e) {
            return failed(exercise, "unreadable verification report: " + e.getMessage());
        }
    }

    private static void read(Process p, AtomicReference<String> reply) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith(VerifierChild.REPLY)) {
                    reply.set(line.substring(VerifierChild.REPLY.length()));
                }
            }
        } catch (IOException e) {
            // the child is gone; the caller reports the missing reply
        }
    }

    private static VerificationReport failed(LoadedExercise exercise, String why) {
        return new VerificationReport(exercise.id(), List.of(new Finding("verification", false, why)));
    }

    // The child may run in another folder, so a relative entry of the host's class path would not resolve there.
    private static String absolute(String classpath) {
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(e -> !e.isBlank())
                .map(e -> Path.of(e).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
    }
}
