package pagelab.app.grading;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import pagelab.exercise.CheckInfo;
import pagelab.exercise.CheckPlan;
import pagelab.exercise.CheckResult;
import pagelab.exercise.CheckRunner;
import pagelab.exercise.CheckStatus;
import pagelab.exercise.Exercise;
import pagelab.exercise.InvalidSolutionException;
import pagelab.exercise.Msg;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.solutions.JudgedSolution;
import pagelab.solutions.RejectedSolutionException;
import pagelab.solutions.SolutionPolicy;
import pagelab.solutions.StudentApi;
import pagelab.solutions.StudentClassLoader;

/**
 * Runs one check inside the grading child: the exercise is loaded once per plugin and kept warm; the student's
 * classes get a fresh {@link StudentClassLoader} per check, which judges them with the solution policy again before
 * defining any (whatever the host sent) and lets them reach only the JDK, the kernel API and the exercise's
 * student-facing types. Static state and a failed static initialiser never carry over from one check to the next.
 * Used by the child's single request thread.
 */
final class CheckWorker {
    /** How a check that ran past its time limit starts its message (the host recognises it by this). */
    static final String TIMEOUT_MESSAGE = "The check did not finish within";
    /** How long threads the solution started may take to end after the check before they count as left running. */
    private static final long THREAD_GRACE_MILLIS = 200;

    private final Function<MachineConfig, Machine> machines;
    private final BoundedOutput capture;
    private final Map<String, LoadedPlugin> plugins = new HashMap<>();
    /** The solution judged last, and the request's class files it came from: judged once per solution. */
    private Map<String, String> judgedFiles;
    private JudgedSolution judged;

    private record LoadedPlugin(Exercise exercise, CheckPlan plan, StudentApi api) {
    }

    CheckWorker(Function<MachineConfig, Machine> machines, BoundedOutput capture) {
        this.machines = machines;
        this.capture = capture;
    }

    ChildReply run(ChildRequest request) {
        LoadedPlugin plugin;
        try {
            plugin = plugin(request);
        } catch (RuntimeException | LinkageError e) {
            return reply(request, CheckResult.error("The exercise could not be loaded in the grading JVM: " + e),
                    true);
        }
        CheckInfo info = plugin.plan().check(request.checkId());
        if (info == null) {
            return reply(request, CheckResult.error("The exercise has no check " + request.checkId()), false);
        }
        StudentClassLoader student;
        try {
            student = StudentClassLoader.of(judge(request, plugin));
        } catch (RejectedSolutionException e) {
            return reply(request, CheckResult.fail(e.getMessage()).scored(info), false);
        } catch (IllegalArgumentException e) {
            return reply(request, CheckResult.error("The grading child could not read the solution's classes: "
                    + e.getMessage()).scored(info), true);
        }
        Class<?> solution;
        try {
            solution = CheckRunner.findSolutionClass(plugin.exercise(), student, request.classFiles().keySet());
        } catch (InvalidSolutionException e) {
            return reply(request, CheckResult.fail(e.getMessage()).scored(info), false);
        }
        return runGuarded(request, plugin, info, solution, student);
    }

    private JudgedSolution judge(ChildRequest request, LoadedPlugin plugin) {
        if (judged == null || !request.classFiles().equals(judgedFiles) || judged.api() != plugin.api()) {
            judged = null;
            judged = SolutionPolicy.standard().judge(decode(request.classFiles()), plugin.api());
            judgedFiles = request.classFiles();
        }
        return judged;
    }

    private static Map<String, byte[]> decode(Map<String, String> classFiles) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        classFiles.forEach((name, base64) -> out.put(name, Base64.getDecoder().decode(base64)));
        return out;
    }

    private ChildReply runGuarded(ChildRequest request, LoadedPlugin plugin, CheckInfo info, Class<?> solution,
                                  ClassLoader student) {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        CheckRunner runner = new CheckRunner(new CheckRunner.Options(request.seed(), null), machines);
        AtomicReference<CheckResult> result = new AtomicReference<>();
        Thread worker = new Thread(() -> result.set(runner.runCheck(plugin.exercise(), plugin.plan(), solution,
                info.id())), "pagelab-check-" + info.id());
        worker.setContextClassLoader(student);
        // not a daemon: threads inherit it, and a student's thread should be what it is in a plain main()
        worker.setDaemon(false);
        capture.drain();
        worker.start();
        try {
            worker.join(request.timeoutMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!worker.isAlive() && result.get() == null) {
            return reply(request, CheckResult.fail(Msg.of("pagelab.no-result", "The check's thread ended without "
                    + "a result (an error thrown past every handler).")).scored(info), true);
        }
        if (worker.isAlive()) {
            worker.interrupt();
            long bytes = capture.total();
            // the words of the exercise API's own time-out (CheckRunner), so they translate alike
            return new ChildReply(request.id(), CheckResult.fail(Msg.of("pagelab.timeout", TIMEOUT_MESSAGE
                    + " {0} ms: an endless loop, or waiting for something that never happens?",
                    String.valueOf(request.timeoutMillis()))).scored(info), capture.drain(), bytes, true, true);
        }
        CheckResult r = result.get();
        List<Thread> left = leftRunning(before, worker);
        boolean tainted = !left.isEmpty() || r.status() == CheckStatus.ERROR || heapExhausted(r);
        List<Thread> nonDaemon = left.stream().filter(t -> !t.isDaemon()).toList();
        if (!nonDaemon.isEmpty()) {
            r = CheckResult.fail(Msg.of("pagelab.threads-left", "The solution left {0} thread(s) running after "
                    + "the check ({1}): a solution must end the threads it starts.", String.valueOf(nonDaemon.size()),
                    nonDaemon.stream().map(t -> "'" + t.getName() + "'").toList().toString())).scored(info);
        }
        return reply(request, r, tainted);
    }

    private static List<Thread> leftRunning(Set<Thread> before, Thread worker) {
        long deadline = System.currentTimeMillis() + THREAD_GRACE_MILLIS;
        List<Thread> left = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t != worker && t.isAlive() && !before.contains(t)) {
                left.add(t);
            }
        }
        for (Thread t : left) {
            try {
                t.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return left.stream().filter(Thread::isAlive).toList();
    }

    /** A check that ran out of heap leaves a child not worth reusing; so does one that keeps the heap half full. */
    private static boolean heapExhausted(CheckResult r) {
        if (r.message().contains("OutOfMemoryError") || r.message().contains("out of memory")) {
            return true;
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory() > rt.maxMemory() / 2;
    }

    private ChildReply reply(ChildRequest request, CheckResult result, boolean tainted) {
        long bytes = capture.total();
        return new ChildReply(request.id(), result, capture.drain(), bytes, tainted, false);
    }

    private LoadedPlugin plugin(ChildRequest request) {
        String key = request.exerciseClass() + "|" + request.pluginClasspath();
        LoadedPlugin p = plugins.get(key);
        if (p == null) {
            List<URL> urls = new ArrayList<>();
            for (String entry : request.pluginClasspath()) {
                urls.add(url(entry));
            }
            ClassLoader loader = new URLClassLoader("plugin", urls.toArray(URL[]::new),
                    CheckWorker.class.getClassLoader());
            try {
                Exercise exercise = (Exercise) Class.forName(request.exerciseClass(), true, loader)
                        .getConstructor().newInstance();
                p = new LoadedPlugin(exercise, CheckPlan.of(exercise.checks()),
                        StudentApi.of(exercise.solutionInterface()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot instantiate " + request.exerciseClass() + ": " + e, e);
            }
            plugins.put(key, p);
        }
        return p;
    }

    private static URL url(String entry) {
        try {
            return Path.of(entry).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("bad class path entry " + entry, e);
        }
    }
}
