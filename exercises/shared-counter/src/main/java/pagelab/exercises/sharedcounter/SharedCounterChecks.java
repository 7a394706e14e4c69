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
import pagelab.exercise.Msg;
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
        t.expect(2, shared != null, Msg.of("section.none-named", "the image has no section named \"{0}\"; its "
                + "sections are {1}", SHARED_SECTION, String.valueOf(image.sections().stream()
                .map(ImageFile.Section::name).toList())))
                .hint("no-shared-section", "#pragma data_seg(\"Shared\") names the section: "
                        + "ImageBuilder.sharedData(\"Shared\", 0x1000).");
        t.expect(3, shared != null && shared.is(ImageFile.READ | ImageFile.WRITE | ImageFile.SHARED), Msg.of(
                "section.not-shared", "section \"{0}\" is {1}, not READ|WRITE|SHARED: without /SECTION:{0},RWS every "
                + "process gets its own copy-on-write copy", SHARED_SECTION, flags(shared)))
                .hint("section-not-shared", "A section is shared only with /SECTION:Shared,RWS: build it with "
                        + "ImageBuilder.sharedData(\"Shared\", 0x1000), not as an ordinary data section.");
        t.expect(3, counterIn != null && counterIn.is(ImageFile.SHARED), Msg.of("section.counter-not-shared", "{0} "
                + "is in section {1} ({2}), which is not shared", COUNTER, nameOf(counterIn), flags(counterIn)))
                .hint("counter-not-shared", "Declare the counter between #pragma data_seg(\"Shared\") and "
                        + "#pragma data_seg(): place it in the Shared section, not in .data.");
        t.expect(2, numberIn != null && numberIn.is(ImageFile.WRITE) && !numberIn.is(ImageFile.SHARED), Msg.of(
                "section.number-not-private", "{0} is in section {1} ({2}); each instance needs its own copy, in a "
                + "writable section that is not shared", NUMBER, nameOf(numberIn), flags(numberIn)))
                .hint("number-shared", "Only the counter is shared: keep " + NUMBER + " in an ordinary data section "
                        + "such as .data, where each process gets its own copy.");
        return t.result(10, Msg.of("section.pass", "{0} is in section \"{1}\" (READ|WRITE|SHARED) and {2} in {3} "
                        + "(copy-on-write).", COUNTER, SHARED_SECTION, NUMBER, nameOf(numberIn)));
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
            t.expect(got == n, Msg.of("sequential.start", "start of {0} returned {1}, expected {2}", i.label(),
                    String.valueOf(got), n));
        }
        if (running.stream().allMatch(i -> h.counter(i) <= 1)) {
            int seen = h.counter(running.get(2));
            String at = Win32Names.hex(h.counterAddress(running.get(2)));
            return CheckResult.fail(seen == 0 ? Msg.of("sequential.none-counted", "Each of the three processes "
                    + "reads {0} = {1} at {2}: no instance incremented it.", COUNTER, String.valueOf(seen), at)
                    : Msg.of("sequential.self-only", "Each of the three processes reads {0} = {1} at {2}: every "
                    + "instance counted only itself, so the processes do not share the counter.", COUNTER,
                    String.valueOf(seen), at), Msg.of("sequential.expected", "3 in every process"),
                    Msg.of("sequential.actual", "{0} in each", String.valueOf(seen)))
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
            t.expect(count == 3, Msg.of("sequential.count", "{0} at {1} reads {2} in {3}, but 3 instances run",
                    COUNTER, Win32Names.hex(h.counterAddress(i)), String.valueOf(count), i.label()));
        }
        return t.result(15, Msg.of("sequential.pass", "Three instances counted 1, 2, 3, and each process reads {0} "
                        + "= 3.", COUNTER))
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
        expectCount(t, h, a, 2, Msg.of("when.exited", "after {0} exited", b.label()));
        h.exit(a);
        expectCount(t, h, c, 1, Msg.of("when.exited-too", "after {0} exited too", a.label()));
        Instance d = h.launch();
        int got = h.start(d);
        t.expect(got == 2, Msg.of("exit.start-again", "start of {0}, with one other instance running, returned {1}, "
                + "expected 2", d.label(), String.valueOf(got)));
        h.call(d, "exit", () -> {
            d.app().exit(d.process().kernel32(), d.process().memory());
            return null;
        });
        expectCount(t, h, c, 1, Msg.of("when.ran-exit", "after {0} ran exit", d.label()));
        return t.result(15, Msg.of("exit.pass", "Each exit took its instance off the count: 3, 2, 1, then 2 and 1 "
                        + "again."))
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
            t.expect(number == i.ordinal(), Msg.of("private.number", "{0} at {1} reads {2} in {3}, expected {4} (its "
                    + "own number)", NUMBER, Win32Names.hex(h.numberAddress(i)), String.valueOf(number), i.label(),
                    i.ordinal()));
        }
        return t.result(15, Msg.of("private.pass", "Each of the three processes reads its own {0}: 1, 2, 3.",
                        NUMBER))
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
            t.expect(2, counter.shared() && !counter.copyOnWrite(), Msg.of("pages.counter", "in {0} the page {1} "
                    + "holding {2} is {3}; expected shared, not copy-on-write", i.label(),
                    Win32Names.hex(counter.address()), COUNTER, describe(counter)));
            PageInfo number = h.page(i, h.numberAddress(i));
            t.expect(2, !number.shared() && number.protect() == WinNT.PAGE_READWRITE, Msg.of("pages.number", "in {0} "
                    + "the page {1} holding {2} is {3}; expected a private copy (PAGE_READWRITE, not shared)",
                    i.label(), Win32Names.hex(number.address()), NUMBER, describe(number)));
        }
        return t.result(10, Msg.of("pages.pass", "In both processes the {0} page is shared and the .data page "
                        + "holding {1} became a private copy on the first write.", SHARED_SECTION, NUMBER))
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
            t.expect(h.start(a) == 1 && h.start(b) == 2, Msg.of("x64.start", "on x64 the two instances did not "
                    + "count 1, 2"))
                    .hint("int-address", "Compute addresses in long: 64-bit addresses do not fit in an int.");
            expectCount(t, h, a, 2, Msg.of("when.two-on-x64", "with two instances running on x64"));
            h.exit(b);
            expectCount(t, h, a, 1, Msg.of("when.exited-on-x64", "after {0} exited on x64", b.label()));
            t.expect(h.number(a) == 1, Msg.of("x64.number", "{0} of {1} at {2} reads {3} on x64, expected 1", NUMBER,
                    a.label(), Win32Names.hex(h.numberAddress(a)), String.valueOf(h.number(a))))
                    .hint("number-shared", "Each instance's own number is shared here as on x86: keep " + NUMBER
                            + " out of the Shared section.");
            return t.result(15, Msg.of("x64.pass", "On x64 (image at {0}) the instances counted 1, 2 and back to "
                            + "1.", Win32Names.hex(a.base())))
                    .evidence(h.trace());
        }
    }

    // The counter sits in the section named Shared, but the section lacks the SHARED flag (/SECTION:Shared,RWS).
    private static boolean counterSectionUnshared(CheckContext ctx) {
        ImageFile.Section in = sectionOf(AppHarness.link(ctx), COUNTER);
        return in != null && in.name().equals(SHARED_SECTION) && !in.is(ImageFile.SHARED);
    }

    static void expectCount(Tally t, AppHarness h, Instance i, int want, Msg when) {
        int count = h.counter(i);
        t.expect(count == want, Msg.of("count", "{0} at {1} reads {2} in {3} {4}, expected {5}", COUNTER,
                Win32Names.hex(h.counterAddress(i)), String.valueOf(count), i.label(), when, want));
    }

    private static Evidence snapshot(Instance i, String title) {
        return Evidence.snapshot(title, i.process().inspector().snapshot());
    }

    // "MEM_IMAGE PAGE_READWRITE, shared": the type and protection stay as they are, the words are translated.
    private static Msg describe(PageInfo p) {
        String type = Win32Names.mem(p.type());
        String protect = Win32Names.protection(p.protect());
        return p.shared() && p.copyOnWrite() ? Msg.of("page.shared-copy-on-write", "{0} {1}, shared, copy-on-write",
                type, protect) : p.shared() ? Msg.of("page.shared", "{0} {1}, shared", type, protect)
                : p.copyOnWrite() ? Msg.of("page.copy-on-write", "{0} {1}, copy-on-write", type, protect)
                : Msg.text(type + " " + protect);
    }

    private static ImageFile.Section section(ImageFile image, String name) {
        return image.sections().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    private static ImageFile.Section sectionOf(ImageFile image, String symbol) {
        ImageFile.Symbol s = image.symbols().get(symbol);
        return s == null ? null : section(image, s.section());
    }

    private static Msg nameOf(ImageFile.Section s) {
        return s == null ? Msg.of("section.no-name", "(none)") : Msg.text("\"" + s.name() + "\"");
    }

    private static Msg flags(ImageFile.Section s) {
        if (s == null) {
            return Msg.of("section.missing", "missing");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int flag = new int[] {ImageFile.READ, ImageFile.WRITE, ImageFile.EXECUTE, ImageFile.SHARED}[i];
            if (s.is(flag)) {
                out.add(new String[] {"READ", "WRITE", "EXECUTE", "SHARED"}[i]);
            }
        }
        return Msg.text(String.join("|", out));
    }
}
