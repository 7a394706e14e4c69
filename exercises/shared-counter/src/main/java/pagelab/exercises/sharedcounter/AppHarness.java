package pagelab.exercises.sharedcounter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckFailedException;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Evidence;
import pagelab.exercise.Msg;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Machine;
import pagelab.kernel.UnhandledSehException;
import pagelab.kernel.WinProcess;
import pagelab.kernel.host.ImageFile;
import pagelab.kernel.inspect.PageInfo;
import pagelab.kernel.inspect.TraceEvent;

/**
 * The checker's launcher for the student's image: links it once, installs it as {@code C:\PageLab\AppInst.exe},
 * starts and ends instances, and reads the globals of each from outside (ground truth, not the student's word).
 * One per check run.
 */
final class AppHarness {
    static final String EXE = "C:\\PageLab\\AppInst.exe";

    private final CheckContext ctx;
    private final Machine machine;
    private final ImageFile image;
    private final long counterRva;
    private final long numberRva;
    private final List<Instance> started = new ArrayList<>();

    /** A running (or ended) process of the image and the student's object that runs in it. */
    record Instance(int ordinal, WinProcess process, InstanceCounter app, long base) {
        /** "instance 2 (PID 12)", in English (evidence captions). */
        String name() {
            return label().english();
        }

        /** "instance 2 (PID 12)", translatable. */
        Msg label() {
            return Msg.of("instance", "instance {0} (PID {1})", ordinal, String.valueOf(process.id()));
        }
    }

    private AppHarness(CheckContext ctx, Machine machine, ImageFile image) {
        this.ctx = ctx;
        this.machine = machine;
        this.image = image;
        this.counterRva = image.symbolRva(InstanceCounter.COUNTER);
        this.numberRva = image.symbolRva(InstanceCounter.NUMBER);
    }

    /**
     * Links the student's image and installs it on {@code machine}; ends the check with a failure if the image is
     * missing, broken or lacks one of the globals.
     */
    static AppHarness install(CheckContext ctx, Machine machine) {
        ImageFile image = link(ctx);
        for (String g : List.of(InstanceCounter.COUNTER, InstanceCounter.NUMBER)) {
            if (image.symbolRva(g) < 0) {
                throw new CheckFailedException(CheckResult.fail(Msg.of("image.expected-global", "the image to "
                        + "define the global {0}", g), Msg.of("image.defines-only", "it defines only {0}",
                        String.valueOf(image.symbols().keySet())))
                        .hint("missing-global",
                                "Declare it with ImageBuilder.global(\"" + g + "\", section, offset)."));
            }
        }
        machine.files().write(EXE, image.toBytes());
        return new AppHarness(ctx, machine, image);
    }

    /** The student's image, read back as the loader would; a failure ends the check. */
    static ImageFile link(CheckContext ctx) {
        InstanceCounter app = (InstanceCounter) ctx.newSolution();
        ImageFile image;
        try {
            image = app.image();
        } catch (RuntimeException e) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("image.expected-built", "image() to build the "
                    + "image"), Msg.of("image.threw", "it threw {0}", String.valueOf(e)))
                    .hint("image-throws",
                            "Build it with ImageBuilder.exe(...): code, .data, sharedData(\"Shared\", ...), globals."));
        }
        if (image == null) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("image.expected-returned", "image() to return "
                    + "the image"), Msg.of("image.null", "it returned null")));
        }
        return ImageFile.parse(image.toBytes());
    }

    ImageFile image() {
        return image;
    }

    List<Instance> started() {
        return List.copyOf(started);
    }

    /** Starts a process of the image and makes the student's object for it, without running {@code start}. */
    Instance launch() {
        WinProcess p;
        try {
            p = machine.createProcess(EXE);
        } catch (IllegalArgumentException e) {
            throw new CheckFailedException(CheckResult.fail(Msg.of("launch.expected", "the image to start as a "
                    + "process"), Msg.of("launch.failed", "CreateProcess failed: {0}", e.getMessage())));
        }
        long base = p.kernel32().GetModuleHandle(null);
        Instance i = new Instance(started.size() + 1, p, (InstanceCounter) ctx.newSolution(), base);
        started.add(i);
        return i;
    }

    /** Starts an instance and runs its {@code start}. */
    int start(Instance i) {
        return call(i, "start", () -> i.app().start(i.process().kernel32(), i.process().memory()));
    }

    /** Runs the instance's {@code exit} and ends its process. */
    void exit(Instance i) {
        call(i, "exit", () -> {
            i.app().exit(i.process().kernel32(), i.process().memory());
            return null;
        });
        i.process().terminate(0);
    }

    long counterAddress(Instance i) {
        return i.base() + counterRva;
    }

    long numberAddress(Instance i) {
        return i.base() + numberRva;
    }

    /** {@code g_lInstanceCount} as the instance's process sees it. */
    int counter(Instance i) {
        return i.process().memory().getInt(counterAddress(i));
    }

    /** {@code g_nInstanceNumber} as the instance's process sees it. */
    int number(Instance i) {
        return i.process().memory().getInt(numberAddress(i));
    }

    PageInfo page(Instance i, long address) {
        return i.process().inspector().page(address);
    }

    /** Evidence: the kernel calls and faults of every instance started so far. */
    Evidence trace() {
        List<TraceEvent> events = new ArrayList<>();
        for (var e : machine.inspector().trace()) {
            if (started.stream().anyMatch(i -> i.process().id() == e.processId())) {
                events.add(e);
            }
        }
        return Evidence.trace("Kernel calls and faults of the instances", events);
    }

    // A crash in the student's code ends the simulated process; say which instance and call crashed.
    /** "start of instance 2 (PID 12) crashed the process: ...": {@code what} is the student's method. */
    static Msg crash(String what, Instance i, UnhandledSehException e) {
        return Msg.of("crash", "{0} of {1} crashed the process: {2}.", what, i.label(),
                Win32Names.exception(e.record()));
    }

    <T> T call(Instance i, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (UnhandledSehException e) {
            throw new CheckFailedException(CheckResult.fail(crash(what, i, e))
                    .hint("global-address", "Globals live at GetModuleHandle(NULL) + image().symbolRva(name).")
                    .evidence(trace()));
        }
    }
}
