package pagelab.exercises.sharedcounter;

import static pagelab.exercises.sharedcounter.InstanceCounter.COUNTER;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckFailedException;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.exercises.sharedcounter.AppHarness.Instance;
import pagelab.kernel.Kernel32;
import pagelab.kernel.UnhandledSehException;

/**
 * The race check: two instances start in lockstep, and the checker switches to the other one right after each
 * load of the counter and each interlocked operation on it, so {@code g_lInstanceCount++} (load, add, store) loses
 * an update every time, and reading the counter again after {@code InterlockedIncrement} gives both instances the
 * same number, reproducibly.
 */
final class Races {
    private Races() {
    }

    static CheckResult check(CheckContext ctx, AppHarness h) {
        Instance a = h.launch();
        Instance b = h.launch();
        int[] numbers = new int[2];
        together(h, List.of(a, b), (i, kernel, memory) -> numbers[i.ordinal() - 1] = i.app().start(kernel, memory),
                "start");
        Tally t = new Tally();
        int count = h.counter(a);
        t.expect(2, count == 2, Msg.of("race.lost-increment", "two instances started at the same moment, and {0} at "
                + "{1} reads {2}: the other's load came between this one's load and store, and one increment was "
                + "lost", COUNTER, Win32Names.hex(h.counterAddress(a)), String.valueOf(count)));
        TreeSet<Integer> distinct = new TreeSet<>(List.of(numbers[0], numbers[1]));
        t.expect(1, distinct.equals(new TreeSet<>(List.of(1, 2))), Msg.of("race.numbers", "the two instances got "
                + "the numbers {0} and {1}, expected 1 and 2 (one each)", String.valueOf(numbers[0]),
                String.valueOf(numbers[1])));
        together(h, List.of(a, b), (i, kernel, memory) -> i.app().exit(kernel, memory), "exit");
        int after = h.counter(a);
        t.expect(1, after == 0, Msg.of("race.after-exit", "after both exited at the same moment {0} reads {1}, "
                + "expected 0", COUNTER, String.valueOf(after)));
        return t.result(20, Msg.of("race.pass", "Started and exited in lockstep, with a switch after every load of "
                        + "the counter and every interlocked operation on it, the two instances still counted 2, got 1 "
                        + "and 2, and went back to 0."))
                .hint(count == 2 && after == 0 && !distinct.equals(new TreeSet<>(List.of(1, 2))) ? "reread-after-increment"
                                : "not-atomic", count == 2 && after == 0 && !distinct.equals(new TreeSet<>(List.of(1, 2)))
                        ? "InterlockedIncrement returns the value it made: that is this instance's number. Reading "
                                + "the counter again afterwards can see the other instance's increment as well."
                        : "g_lInstanceCount++ is a load, an add and a store: another instance can run in between. "
                                + "InterlockedIncrement / InterlockedDecrement do all three as one step.")
                .evidence(h.trace());
    }

    interface Step {
        void run(Instance i, Kernel32 kernel, PreemptingMemory memory);
    }

    // Runs `step` in each instance's process at once, the lockstep scheduler deciding who runs when.
    private static void together(AppHarness h, List<Instance> instances, Step step, String what) {
        List<Runnable> tasks = new ArrayList<>();
        Lockstep[] scheduler = new Lockstep[1];
        for (Instance i : instances) {
            tasks.add(() -> step.run(i, PreemptingKernel.wrap(i.process().kernel32(), h.counterAddress(i),
                    scheduler[0]), new PreemptingMemory(i.process().memory(), h.counterAddress(i), scheduler[0])));
        }
        scheduler[0] = new Lockstep(tasks);
        List<Throwable> failures;
        try {
            failures = scheduler[0].run();
        } catch (Lockstep.Stopped e) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("race.stopped", "{0} of two concurrent instances: "
                    + "{1}", what, e.reason())).evidence(h.trace()));
        }
        for (int n = 0; n < failures.size(); n++) {
            Throwable f = failures.get(n);
            if (f instanceof UnhandledSehException e) {
                throw new CheckFailedException(CheckResult.fail(AppHarness.crash(what, instances.get(n), e))
                        .evidence(h.trace()));
            } else if (f instanceof RuntimeException e) {
                throw e;
            } else if (f instanceof Error e) {
                throw e;
            }
        }
    }
}
