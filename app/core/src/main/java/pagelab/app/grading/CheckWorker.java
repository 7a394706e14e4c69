package pagelab.app.grading;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;

/**
 * Runs one check inside the grading child: the exercise is loaded once per plugin and kept warm; the student's
 * classes get a fresh class loader per check, so static state and a failed static initialiser never carry over
 * from one check to the next. Used by the child's single request thread.
 */
final class CheckWorker {
    /** How long threads the solution started may take to end after the check before they count as left running. */
    private static final long THREAD_GRACE_MILLIS = 200;

    private final Function<MachineConfig, Machine> machines;
    private final BoundedOutput capture;
    private final Map<String, LoadedPlugin> plugins = new HashMap<>();

    private record LoadedPlugin(Exercise exercise, CheckPlan plan) {
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
        try (URLClassLoader student = new URLClassLoader("student", new URL[]{url(request.classesDir())},
                plugin.exercise().getClass().getClassLoader())) {
            Class<?> solution;
            try {
                solution = CheckRunner.findSolutionClass(plugin.exercise(), student, request.classNames());
            } catch (InvalidSolutionException e) {
                return reply(request, CheckResult.fail(e.getMessage()).scored(info), false);
            }
            return runGuarded(request, plugin, info, solution, student);
        } catch (IOException e) {
            return reply(request, CheckResult.error("Cannot read the compiled classes: " + e).scored(info), true);
        }
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
        if (worker.isAlive() || result.get() == null) {
            worker.interrupt();
            return reply(request, CheckResult.fail("The check did not finish within " + request.timeoutMillis()
                    + " ms: an endless loop, or waiting for something that never happens?").scored(info), true);
        }
        CheckResult r = result.get();
        List<Thread> left = leftRunning(before, worker);
        boolean tainted = !left.isEmpty() || r.status() == CheckStatus.ERROR || heapExhausted(r);
        List<Thread> nonDaemon = left.stream().filter(t -> !t.isDaemon()).toList();
        if (!nonDaemon.isEmpty()) {
            r = CheckResult.fail("The solution left " + nonDaemon.size() + " thread(s) running after the check ("
                    + nonDaemon.stream().map(t -> "'" + t.getName() + "'").toList() + "): a solution must end "
                    + "the threads it starts.").scored(info);
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
        return new ChildReply(request.id(), result, capture.drain(), bytes, tainted);
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
                p = new LoadedPlugin(exercise, CheckPlan.of(exercise.checks()));
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
