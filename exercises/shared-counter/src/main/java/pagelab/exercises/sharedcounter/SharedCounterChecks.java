package pagelab.exercises.sharedcounter;

import static pagelab.exercises.sharedcounter.InstanceCounter.COUNTER;
import static pagelab.exercises.sharedcounter.InstanceCounter.NUMBER;
import static pagelab.exercises.sharedcounter.InstanceCounter.SHARED_SECTION;

import java.util.ArrayList;
import java.util.List;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Evidence;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.exercises.sharedcounter.AppHarness.Instance;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinNT;
import pagelab.kernel.host.ImageFile;
import pagelab.kernel.inspect.PageInfo;

/**
 * The checks of {@code shared-counter}. Each links the student's image, installs it on a fresh machine, starts
 * instances of it one after another or in lockstep, and reads the two globals of every process from outside.
 */
public class SharedCounterChecks {

    @Check(points = 10, title = "The counter lives in a section marked shared (RWS)", order = 1)
    public CheckResult imageHasSharedSection(CheckContext ctx) {
        ImageFile image = AppHarness.link(ctx);
        ImageFile.Section shared = section(image, SHARED_SECTION);
        ImageFile.Section counterIn = sectionOf(image, COUNTER);
        ImageFile.Section numberIn = sectionOf(image, NUMBER);
        Tally t = new Tally();
        t.expect(2, shared != null, "the image has no section named \"" + SHARED_SECTION + "\"; its sections are "
                + image.sections().stream().map(ImageFile.Section::name).toList())
                .hint("no-shared-section", "#pragma data_seg(\"Shared\") names the section: "
                        + "ImageBuilder.sharedData(\"Shared\", 0x1000).");
        t.expect(3, shared != null && shared.is(ImageFile.READ | ImageFile.WRITE | ImageFile.SHARED), "section \""
                + SHARED_SECTION + "\" is " + flags(shared) + ", not READ|WRITE|SHARED: without /SECTION:"
                + SHARED_SECTION + ",RWS every process gets its own copy-on-write copy")
                .hint("section-not-shared", "A section is shared only with /SECTION:Shared,RWS: build it with "
                        + "ImageBuilder.sharedData(\"Shared\", 0x1000), not as an ordinary data section.");
        t.expect(3, counterIn != null && counterIn.is(ImageFile.SHARED), COUNTER + " is in section "
                + nameOf(counterIn) + " (" + flags(counterIn) + "), which is not shared")
                .hint("counter-not-shared", "Declare the counter between #pragma data_seg(\"Shared\") and "
                        + "#pragma data_seg(): place it in the Shared section, not in .data.");
        t.expect(2, numberIn != null && numberIn.is(ImageFile.WRITE) && !numberIn.is(ImageFile.SHARED), NUMBER
                + " is in section " + nameOf(numberIn) + " (" + flags(numberIn) + "); each instance needs its own"
                + " copy, in a writable section that is not shared")
                .hint("number-shared", "Only the counter is shared: keep " + NUMBER + " in an ordinary data section "
                        + "such as .data, where each process gets its own copy.");
        return t.result(10, COUNTER + " is in section \"" + SHARED_SECTION + "\" (READ|WRITE|SHARED) and " + NUMBER
                        + " in " + nameOf(numberIn) + " (copy-on-write).");
    }

    @Check(points = 15, title = "Instances started one after another count 1, 2, 3", after = "imageHasSharedSection",
            order = 2)
    public CheckResult countsSequentialInstances(Machine machine, CheckContext ctx) {
        AppHarness h = AppHarness.install(ctx, machine);
        Tally t = new Tally();
        List<Instance> running = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            Instance i = h.launch();
            running.add(i);
            int got = h.start(i);
            t.expect(got == n, "start of " + i.name() + " returned " + got + ", expected " + n);
        }
        if (running.stream().allMatch(i -> h.counter(i) <= 1)) {
            int seen = h.counter(running.get(2));
            return CheckResult.fail("Each of the three processes reads " + COUNTER + " = " + seen + " at "
                    + Win32Names.hex(h.counterAddress(running.get(2))) + (seen == 0 ? ": no instance incremented it."
                    : ": every instance counted only itself, so the processes do not share the counter."),
                    "3 in every process", seen + " in each")
                    .hint(counterSectionUnshared(ctx) ? "section-not-shared" : "counter-not-shared",
                            counterSectionUnshared(ctx) ? "The counter is in section " + SHARED_SECTION + ", but the "
                            + "section is not shared: without /SECTION:Shared,RWS (ImageBuilder.sharedData) each "
                            + "process gets its own copy on the first write."
                            : "A global in an ordinary section gets a private copy in each process on its first write. "
                            + "Put the counter in the section marked shared (ImageBuilder.sharedData).")
                    .evidence(h.trace(), snapshot(running.get(0), "Address space of " + running.get(0).name()));
        }
        for (Instance i : running) {
            int count = h.counter(i);
            t.expect(count == 3, COUNTER + " at " + Win32Names.hex(h.counterAddress(i)) + " reads " + count + " in "
                    + i.name() + ", but 3 instances run");
        }
        return t.result(15, "Three instances counted 1, 2, 3, and each process reads " + COUNTER + " = 3.")
                .hint("counter-not-shared", "Each process must see the same counter: put it in the shared section and "
                        + "increment it there.")
                .evidence(h.trace());
    }

    @Check(points = 15, title = "An instance that exits is no longer counted", after = "countsSequentialInstances",
            order = 3)
    public CheckResult decrementsOnExit(Machine machine, CheckContext ctx) {
        AppHarness h = AppHarness.install(ctx, machine);
        Instance a = h.launch();
        h.start(a);
        Instance b = h.launch();
        h.start(b);
        Instance c = h.launch();
        h.start(c);
        Tally t = new Tally();
        h.exit(b);
        expectCount(t, h, a, 2, "after " + b.name() + " exited");
        h.exit(a);
        expectCount(t, h, c, 1, "after " + a.name() + " exited too");
        Instance d = h.launch();
        int got = h.start(d);
        t.expect(got == 2, "start of " + d.name() + ", with one other instance running, returned " + got
                + ", expected 2");
        h.call(d, "exit", () -> {
            d.app().exit(d.process().kernel32(), d.process().memory());
            return null;
        });
        expectCount(t, h, c, 1, "after " + d.name() + " ran exit");
        return t.result(15, "Each exit took its instance off the count: 3, 2, 1, then 2 and 1 again.")
                .hint("no-decrement", "exit must undo start: InterlockedDecrement(&g_lInstanceCount).")
                .evidence(h.trace());
    }

    @Check(points = 15, title = "Each instance keeps its own number in .data", after = "countsSequentialInstances",
            order = 4)
    public CheckResult perInstanceDataStaysPrivate(Machine machine, CheckContext ctx) {
        AppHarness h = AppHarness.install(ctx, machine);
        List<Instance> running = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            Instance i = h.launch();
            h.start(i);
            running.add(i);
        }
        Tally t = new Tally();
        for (Instance i : running) {
            int number = h.number(i);
            t.expect(number == i.ordinal(), NUMBER + " at " + Win32Names.hex(h.numberAddress(i)) + " reads "
                    + number + " in " + i.name() + ", expected " + i.ordinal() + " (its own number)");
        }
        return t.result(15, "Each of the three processes reads its own " + NUMBER + ": 1, 2, 3.")
                .hint("number-shared", "A global that must differ per process belongs in an ordinary (copy-on-write) section such as"
                        + " .data, not in the shared one; store the number InterlockedIncrement returned.")
                .evidence(h.trace());
    }

    @Check(points = 10, title = "Only the shared section's page is shared between processes",
            after = "countsSequentialInstances", order = 5)
    public CheckResult sharingMatchesSections(Machine machine, CheckContext ctx) {
        AppHarness h = AppHarness.install(ctx, machine);
        Instance a = h.launch();
        h.start(a);
        Instance b = h.launch();
        h.start(b);
        Tally t = new Tally();
        for (Instance i : List.of(a, b)) {
            PageInfo counter = h.page(i, h.counterAddress(i));
            t.expect(2, counter.shared() && !counter.copyOnWrite(), "in " + i.name() + " the page "
                    + Win32Names.hex(counter.address()) + " holding " + COUNTER + " is " + describe(counter)
                    + "; expected shared, not copy-on-write");
            PageInfo number = h.page(i, h.numberAddress(i));
            t.expect(2, !number.shared() && number.protect() == WinNT.PAGE_READWRITE, "in " + i.name()
                    + " the page " + Win32Names.hex(number.address()) + " holding " + NUMBER + " is "
                    + describe(number) + "; expected a private copy (PAGE_READWRITE, not shared)");
        }
        return t.result(10, "In both processes the " + SHARED_SECTION + " page is shared and the .data page holding "
                        + NUMBER + " became a private copy on the first write.")
                .hint("wrong-section", "Writing a PAGE_WRITECOPY page gives the process its own copy; a SHARED section is never "
                        + "copied. Keep each global in the section whose sharing it needs.")
                .evidence(h.trace(), snapshot(a, "Address space of " + a.name()));
    }

    @Check(points = 20, title = "Instances started at the same moment are all counted",
            after = {"countsSequentialInstances", "decrementsOnExit"}, order = 6)
    public CheckResult atomicUnderPreemption(Machine machine, CheckContext ctx) {
        return Races.check(ctx, AppHarness.install(ctx, machine));
    }

    @Check(points = 15, title = "The counter works on x64 too", after = {"countsSequentialInstances",
        "decrementsOnExit"}, order = 7)
    public CheckResult worksOnX64(CheckContext ctx) {
        try (Machine x64 = Machine.create(MachineConfig.x64().seed(ctx.seed()))) {
            AppHarness h = AppHarness.install(ctx, x64);
            Instance a = h.launch();
            Instance b = h.launch();
            Tally t = new Tally();
            t.expect(h.start(a) == 1 && h.start(b) == 2, "on x64 the two instances did not count 1, 2")
                    .hint("int-address", "Compute addresses in long: 64-bit addresses do not fit in an int.");
            expectCount(t, h, a, 2, "with two instances running on x64");
            h.exit(b);
            expectCount(t, h, a, 1, "after " + b.name() + " exited on x64");
            t.expect(h.number(a) == 1, NUMBER + " of " + a.name() + " at " + Win32Names.hex(h.numberAddress(a))
                    + " reads " + h.number(a) + " on x64, expected 1")
                    .hint("number-shared", "Each instance's own number is shared here as on x86: keep " + NUMBER
                            + " out of the Shared section.");
            return t.result(15, "On x64 (image at " + Win32Names.hex(a.base()) + ") the instances counted 1, 2 and "
                            + "back to 1.")
                    .evidence(h.trace());
        }
    }

    // The counter sits in the section named Shared, but the section lacks the SHARED flag (/SECTION:Shared,RWS).
    private static boolean counterSectionUnshared(CheckContext ctx) {
        ImageFile.Section in = sectionOf(AppHarness.link(ctx), COUNTER);
        return in != null && in.name().equals(SHARED_SECTION) && !in.is(ImageFile.SHARED);
    }

    static void expectCount(Tally t, AppHarness h, Instance i, int want, String when) {
        int count = h.counter(i);
        t.expect(count == want, COUNTER + " at " + Win32Names.hex(h.counterAddress(i)) + " reads " + count + " in "
                + i.name() + " " + when + ", expected " + want);
    }

    private static Evidence snapshot(Instance i, String title) {
        return Evidence.snapshot(title, i.process().inspector().snapshot());
    }

    private static String describe(PageInfo p) {
        return Win32Names.mem(p.type()) + " " + Win32Names.protection(p.protect()) + (p.shared() ? ", shared" : "")
                + (p.copyOnWrite() ? ", copy-on-write" : "");
    }

    private static ImageFile.Section section(ImageFile image, String name) {
        return image.sections().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    private static ImageFile.Section sectionOf(ImageFile image, String symbol) {
        ImageFile.Symbol s = image.symbols().get(symbol);
        return s == null ? null : section(image, s.section());
    }

    private static String nameOf(ImageFile.Section s) {
        return s == null ? "(none)" : "\"" + s.name() + "\"";
    }

    private static String flags(ImageFile.Section s) {
        if (s == null) {
            return "missing";
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int flag = new int[] {ImageFile.READ, ImageFile.WRITE, ImageFile.EXECUTE, ImageFile.SHARED}[i];
            if (s.is(flag)) {
                out.add(new String[] {"READ", "WRITE", "EXECUTE", "SHARED"}[i]);
            }
        }
        return String.join("|", out);
    }
}
