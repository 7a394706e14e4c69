package pagelab.exercises.dllbase;

import static pagelab.exercises.dllbase.Loader.dll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.CheckStatus;
import pagelab.exercise.Evidence;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;
import pagelab.kernel.WinProcess;
import pagelab.kernel.host.ImageFile;

/**
 * The checks of {@code dll-base}. A prediction is made in a process, then the checker loads the DLLs into that very
 * process and compares with what the loader did; chosen bases are rebuilt into the DLLs and loaded the same way.
 */
public class DllBaseChecks {

    @Check(points = 10, title = "DLLs with free, distinct bases load where they want", order = 1)
    public CheckResult predictsNoCollision(DllPlanner planner, CheckContext ctx) {
        return predictions(planner, ctx.process(), List.of(dll("A.dll", 0x10000000L, 3, false),
                dll("B.dll", 0x10100000L, 2, false)), 10, "Two DLLs whose ranges are free and apart both load at "
                + "their preferred bases.");
    }

    @Check(points = 15, title = "Two DLLs with the same base: the second is relocated", order = 2)
    public CheckResult predictsCollision(DllPlanner planner, CheckContext ctx) {
        return predictions(planner, ctx.process(), List.of(dll("A.dll", 0x10000000L, 3, false),
                dll("B.dll", 0x10000000L, 3, false)), 15, "Every DLL the linker builds prefers 0x10000000 unless told"
                + " otherwise: the first one loaded gets it, the next is relocated.");
    }

    @Check(points = 15, title = "A DLL whose base the process already uses is relocated", order = 3)
    public CheckResult predictsCollisionWithProcess(DllPlanner planner, CheckContext ctx) {
        long exe = ctx.kernel32().GetModuleHandle(null);
        return predictions(planner, ctx.process(), List.of(dll("Low.dll", exe, 2, false),
                dll("Free.dll", 0x20000000L, 2, false)), 15, "The exe, the heaps and the stacks are in the address "
                + "space before any DLL: ask VirtualQuery whether the whole range is MEM_FREE.");
    }

    @Check(points = 15, title = "A /FIXED DLL whose base is taken fails to load", order = 4)
    public CheckResult predictsFixedFailure(DllPlanner planner, CheckContext ctx) {
        return predictions(planner, ctx.process(), List.of(dll("A.dll", 0x10000000L, 3, false),
                dll("Fixed.dll", 0x10000000L, 2, true), dll("FixedFree.dll", 0x30000000L, 2, true)), 15,
                "/FIXED strips the relocations: the loader cannot move the image, so LoadLibrary fails (here with "
                        + "ERROR_INVALID_ADDRESS) instead of relocating it.");
    }

    @Check(points = 10, title = "A DLL that reaches into the next one's range pushes it away", order = 5)
    public CheckResult predictsOverlapBySize(DllPlanner planner, CheckContext ctx) {
        return predictions(planner, ctx.process(), List.of(dll("Big.dll", 0x10000000L, 0x30, false),
                dll("Next.dll", 0x10020000L, 2, false)), 10, "A DLL occupies [base, base + SizeOfImage): Big.dll's "
                + "0x32000 bytes reach past 0x10020000.");
    }

    @Check(points = 20, title = "Chosen bases load every DLL without relocation", order = 6)
    public CheckResult chosenBasesAvoidRelocation(DllPlanner planner, CheckContext ctx) {
        return chosen(planner, ctx.process(), 20, "");
    }

    @Check(points = 15, title = "Predicting and choosing work on x64 too", order = 7)
    public CheckResult worksOnX64(DllPlanner planner, CheckContext ctx) {
        try (Machine x64 = Machine.create(MachineConfig.x64().seed(ctx.seed()))) {
            WinProcess p = x64.createProcess();
            CheckResult predicted = predictions(planner, p, List.of(dll("A.dll", 0x10000000L, 3, false),
                    dll("B.dll", 0x10000000L, 3, false), dll("F.dll", 0x10000000L, 1, true)), 15, "");
            if (predicted.points() == 0 && predicted.status() != CheckStatus.PASS) {
                return predicted;
            }
            try (Machine again = Machine.create(MachineConfig.x64().seed(ctx.seed()))) {
                CheckResult bases = chosen(planner, again.createProcess(), 15, " on x64");
                return predicted.status() == CheckStatus.PASS ? bases : predicted;
            }
        }
    }

    private static CheckResult predictions(DllPlanner planner, WinProcess p, List<ImageFile> dlls, int points,
                                           String hint) {
        Map<String, LoadOutcome> answer = Loader.call("predict", () -> planner.predict(p.kernel32(),
                List.copyOf(dlls)));
        // the checker's own copy: what the solution returned is judged as it was, not by its own get
        Map<String, LoadOutcome> predicted = answer == null ? null : new HashMap<>(answer);
        Map<String, Loader.Loaded> truth = Loader.load(p, dlls);
        Tally t = new Tally();
        // "At its preferred base" is what a DLL does unless something is in its way, and what a planner that thinks
        // nothing at all predicts. It earns credit only when every DLL that did NOT load at its base was predicted
        // right as well, so a forecast of "nothing moves" scores nothing where something moved.
        boolean movedRight = dlls.stream().allMatch(dll -> truth.get(dll.name()).outcome() == LoadOutcome.AT_PREFERRED_BASE
                || predicted != null && predicted.get(dll.name()) == truth.get(dll.name()).outcome());
        for (ImageFile dll : dlls) {
            Loader.Loaded got = truth.get(dll.name());
            LoadOutcome guess = predicted == null ? null : predicted.get(dll.name());
            boolean right = got.outcome() == guess;
            boolean counts = right && (got.outcome() != LoadOutcome.AT_PREFERRED_BASE || movedRight);
            t.expect(counts, Msg.of("predict.dll", "{0} (base {1}, {2}{3}): {4}", dll.name(),
                    Win32Names.hex(dll.preferredBase()), bytes(dll.sizeOfImage()), dll.fixed()
                    ? Msg.of("predict.fixed", ", /FIXED") : Msg.text(""), right ? Msg.of("predict.right-too-early",
                    "predicted {0} rightly, but it counts only once the DLLs that could not load at their bases are "
                    + "predicted too", String.valueOf(guess)) : Msg.of("predict.wrong", "predicted {0}, but it {1}",
                    String.valueOf(guess), got.describe(dll))));
        }
        StringBuilder what = new StringBuilder();
        truth.forEach((name, l) -> what.append(what.length() == 0 ? "" : "; ").append(name).append(" ")
                .append(l.outcome()));
        String mistake = mistake(dlls, predicted, truth);
        return t.result(points, Msg.of("predict.pass", "Every prediction held: {0}.", what.toString()))
                .hint(mistake, mistake.equals("mispredicts") && !hint.isEmpty() ? hint : MISTAKES.get(mistake))
                .evidence(Evidence.snapshot("Address space after loading", p.inspector().snapshot()));
    }

    private static final Map<String, String> MISTAKES = Map.of(
            "fixed-relocates", "/FIXED strips the relocations: the loader cannot move the image, so LoadLibrary fails "
                    + "(here with ERROR_INVALID_ADDRESS) instead of relocating it.",
            "base-collision", "Every DLL the linker builds prefers 0x10000000 unless told otherwise: the first one "
                    + "loaded gets it, the next is relocated.",
            "base-equality", "A DLL occupies [base, base + SizeOfImage): two ranges collide when they overlap, "
                    + "not only when their bases are equal.",
            "ignores-process", "The exe, the heaps and the stacks are in the address space before any DLL: ask "
                    + "VirtualQuery whether the whole range is MEM_FREE.",
            "mispredicts", "Load the DLLs in order in your head: a DLL stays at its base only if its whole range is "
                    + "free then.");

    /**
     * The mistake the first wrong prediction shows: a /FIXED DLL thought relocatable, a collision with an earlier DLL
     * of the same base, a range overlap seen only by equal bases, a collision with the process itself.
     */
    private static String mistake(List<ImageFile> dlls, Map<String, LoadOutcome> predicted,
                                  Map<String, Loader.Loaded> truth) {
        for (int i = 0; i < dlls.size(); i++) {
            ImageFile dll = dlls.get(i);
            LoadOutcome got = truth.get(dll.name()).outcome();
            LoadOutcome guess = predicted == null ? null : predicted.get(dll.name());
            if (got == guess) {
                continue;
            }
            if (got == LoadOutcome.FAILS) {
                return "fixed-relocates";
            }
            if (got == LoadOutcome.RELOCATED && guess == LoadOutcome.AT_PREFERRED_BASE) {
                List<ImageFile> before = dlls.subList(0, i);
                if (before.stream().anyMatch(d -> d.preferredBase() == dll.preferredBase())) {
                    return "base-collision";
                }
                if (before.stream().anyMatch(d -> d.preferredBase() < dll.preferredBase() + dll.sizeOfImage()
                        && dll.preferredBase() < d.preferredBase() + d.sizeOfImage())) {
                    return "base-equality";
                }
                return "ignores-process";
            }
            return "mispredicts";
        }
        return "mispredicts";
    }

    private static CheckResult chosen(DllPlanner planner, WinProcess p, int points, String where) {
        Msg onX64 = where.isEmpty() ? Msg.text("") : Msg.of("chosen.on-x64", " on x64");
        List<ImageFile> dlls = List.of(dll("Ui.dll", 0x10000000L, 8, false), dll("Net.dll", 0x10000000L, 20, false),
                dll("Db.dll", 0x10000000L, 3, false), dll("Log.dll", 0x10000000L, 1, false),
                dll("Core.dll", 0x10000000L, 40, false));
        long[] bases = Loader.call("chooseBases", () -> planner.chooseBases(p.kernel32(), List.copyOf(dlls)));
        if (bases == null || bases.length != dlls.size()) {
            return CheckResult.fail(Msg.of("chosen.expected-bases", "one base per DLL ({0})", dlls.size()),
                    bases == null ? Msg.of("chosen.returned-null", "chooseBases returned null")
                    : Msg.of("chosen.returned-bases", "chooseBases returned {0} bases", bases.length));
        }
        // Ranges that overlap each other are no plan at all (the default, every DLL at 0x10000000, is such a
        // non-plan): they earn nothing, however many DLLs happen to land where they were put.
        for (int i = 0; i < dlls.size(); i++) {
            for (int j = 0; j < i; j++) {
                long a = bases[i];
                long b = bases[j];
                if (a < b + dlls.get(j).sizeOfImage() && b < a + dlls.get(i).sizeOfImage()) {
                    return CheckResult.fail(Msg.of("chosen.expected-apart", "ranges that do not overlap"),
                                    Msg.of("chosen.overlap", "{0} at {1} and {2} at {3} overlap: one of them is "
                                    + "relocated whatever the process holds{4}", dlls.get(j).name(),
                                    Win32Names.hex(b), dlls.get(i).name(), Win32Names.hex(a), onX64))
                            .hint("chosen-ranges-overlap", "Each DLL occupies [base, base + SizeOfImage): start the "
                                    + "next candidate at the previous end rounded up to 64 KiB.");
                }
            }
        }
        Tally t = new Tally();
        List<ImageFile> rebased = new ArrayList<>();
        for (int i = 0; i < dlls.size(); i++) {
            t.expect(bases[i] % 0x10000 == 0, Msg.of("chosen.unaligned", "{0}: base {1} is not a multiple of 64 KiB "
                    + "(the linker refuses such a /BASE; here it is taken as {2})", dlls.get(i).name(),
                    Win32Names.hex(bases[i]), Win32Names.hex(bases[i] & ~0xFFFFL)))
                    .hint("packs-by-page", "Images load on 64 KiB "
                    + "boundaries (the allocation granularity), not on pages: round each next base up to 64 KiB.");
            rebased.add(Loader.rebased(dlls.get(i), bases[i] & ~0xFFFFL));
        }
        Map<String, Loader.Loaded> truth = Loader.load(p, rebased);
        for (ImageFile dll : rebased) {
            Loader.Loaded got = truth.get(dll.name());
            t.expect(2, got.outcome() == LoadOutcome.AT_PREFERRED_BASE, Msg.of("chosen.moved",
                    "{0}{1} {2}", dll.name(), onX64, got.describe(dll)))
                    .hint("chosen-range-taken", "Give each DLL a 64 KiB-aligned range that is MEM_FREE in the "
                            + "process (VirtualQuery) and does not overlap the others.");
        }
        return t.result(points, Msg.of("chosen.pass", "All {0} DLLs loaded at the bases chosen for them{1}: no "
                        + "relocation, every code page shareable.", dlls.size(), onX64))
                .evidence(Evidence.snapshot("Address space after loading" + where, p.inspector().snapshot()));
    }

    /** {@code 1 byte}, {@code 65,536 bytes}, translatable. */
    static Msg bytes(long count) {
        return Msg.of("bytes", "{0,choice,0#0 bytes|1#1 byte|1<{0} bytes}", count);
    }

    /** {@code 1 page}, {@code 8 pages}, translatable. */
    static Msg pages(long count) {
        return Msg.of("pages", "{0,choice,0#0 pages|1#1 page|1<{0} pages}", count);
    }
}
