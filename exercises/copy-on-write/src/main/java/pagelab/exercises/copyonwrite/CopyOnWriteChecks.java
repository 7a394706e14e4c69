package pagelab.exercises.copyonwrite;

import static pagelab.exercises.copyonwrite.Lab.IMAGE;
import static pagelab.exercises.copyonwrite.Lab.describeMsg;
import static pagelab.exercises.copyonwrite.Lab.pages;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.Map;
import java.util.Set;
import pagelab.exercise.Check;
import pagelab.exercise.CheckContext;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Evidence;
import pagelab.exercise.Msg;
import pagelab.exercise.Tally;
import pagelab.exercise.Win32Names;
import pagelab.kernel.Machine;
import pagelab.kernel.MachineConfig;

/**
 * The checks of {@code copy-on-write}. Predictions are compared with what actually happens when the checker starts
 * the instances and performs the accesses; observations with the kernel's per-page ground truth.
 */
public class CopyOnWriteChecks {
    private static Access w(int instance, String global) {
        return new Access(instance, global, true);
    }

    private static Access r(int instance, String global) {
        return new Access(instance, global, false);
    }

    @Check(points = 15, title = "One write copies one page", order = 1)
    public CheckResult predictsSingleWrite(CopyOnWriteLab lab, CheckContext ctx) {
        return predictions(lab, ctx, 2, List.of(w(0, "g_a")), 15, "A write copies the page holding the global, "
                + "4 KiB, not the section.");
    }

    @Check(points = 15, title = "Each process copies only the pages it writes", order = 2)
    public CheckResult predictsPerInstance(CopyOnWriteLab lab, CheckContext ctx) {
        return predictions(lab, ctx, 2, List.of(w(0, "g_a"), w(1, "g_c"), w(1, "g_b")), 15, "A copy belongs to the "
                + "process that wrote: the other process still maps the original page.");
    }

    @Check(points = 10, title = "Reading never copies", order = 3)
    public CheckResult readsDoNotCopy(CopyOnWriteLab lab, CheckContext ctx) {
        return predictions(lab, ctx, 2, List.of(r(0, "g_a"), r(0, "g_d"), r(1, "g_c"), w(1, "g_d")), 10,
                "Reading a PAGE_WRITECOPY page maps the shared original; only a write makes a copy.");
    }

    @Check(points = 10, title = "The shared section is never copied", order = 4)
    public CheckResult sharedSectionIsNotCopied(CopyOnWriteLab lab, CheckContext ctx) {
        return predictions(lab, ctx, 2, List.of(w(0, "g_shared"), w(1, "g_total"), w(0, "g_b")), 10, "A SHARED "
                + "section is mapped PAGE_READWRITE into every process: one set of pages, never copied.");
    }

    @Check(points = 20, title = "VirtualQuery shows which pages were copied", order = 5)
    public CheckResult observesCopies(CopyOnWriteLab lab, CheckContext ctx) {
        return observations(lab, ctx.machine(), List.of(w(0, "g_a"), w(0, "g_d"), w(1, "g_shared"), r(1, "g_c"),
                w(2, "g_c")), 3, 20, false);
    }

    @Check(points = 15, title = "Predictions hold for a longer run of three instances", order = 6)
    public CheckResult largeScenario(CopyOnWriteLab lab, CheckContext ctx) {
        return predictions(lab, ctx, 3, Lab.random(ctx.seed(), 3, 12), 15, "Go through the accesses one by one: "
                + "who wrote, which page, which section.");
    }

    @Check(points = 15, title = "Observing works on x64 with ASLR too", order = 7)
    public CheckResult worksOnX64(CopyOnWriteLab lab, CheckContext ctx) {
        try (Machine x64 = Machine.create(MachineConfig.x64().aslr(true).seed(ctx.seed()))) {
            return observations(lab, x64, List.of(w(0, "g_b"), w(1, "g_total"), w(1, "g_d")), 2, 15, true);
        }
    }

    private static CheckResult predictions(CopyOnWriteLab lab, CheckContext ctx, int instances, List<Access> accesses,
                                           int points, String hint) {
        List<Set<Long>> predicted = predictAll(lab, accesses, instances);
        Lab run = new Lab(ctx.machine(), instances);
        run.perform(accesses);
        Tally t = new Tally();
        List<Set<Long>> truths = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            truths.add(run.truth(i));
        }
        boolean copiesRight = copiesRight(truths, predicted);
        for (int i = 0; i < instances; i++) {
            Set<Long> truth = truths.get(i);
            t.expect(counts(truth, predicted.get(i), copiesRight), truth.equals(predicted.get(i))
                    ? Msg.of("predict.no-copy-alone", "instance #{0}: predicted {1}, rightly, but \"no copy\" counts "
                            + "only once the instances that copied are predicted too", i, pages(predicted.get(i)))
                    : Msg.of("predict.wrong", "instance #{0}: predicted {1}, but it copied {2}", i,
                            pages(predicted.get(i)), pages(truth)));
        }
        String mistake = mistake(accesses, truths, predicted);
        return t.result(points, Msg.of("predict.pass", "Every prediction held: {0}.", describeMsg(accesses)))
                .hint(mistake == null ? "mispredicts" : mistake, mistake == null ? hint : MISTAKES.get(mistake))
                .evidence(layout(), accessesEvidence(accesses));
    }

    private static String observationMistake(List<Access> accesses, List<Set<Long>> truths, List<Set<Long>> seen) {
        String m = mistake(accesses, truths, seen);
        return m == null ? "misobserves" : m.equals("shared-counts-as-copy") ? m : "misobserves";
    }

    private static final Map<String, String> MISTAKES = Map.of(
            "shared-counts-as-copy", "A SHARED section is mapped PAGE_READWRITE into every process: one set of pages, "
                    + "never copied.",
            "reads-copy", "Reading a PAGE_WRITECOPY page maps the shared original; only a write makes a copy.",
            "any-instance-copies", "A copy belongs to the process that wrote: the other processes still map the "
                    + "original page.",
            "whole-section-copied", "A write copies the page holding the global, 4 KiB, not the whole section.");

    /**
     * The misconception a wrong prediction (or observation) shows, from the pages predicted but not copied: a page of
     * the shared section, a page nobody wrote or read (the whole section copied), a page this instance only read, a
     * page another instance wrote, in that order; null if no page is extra (pages are missing instead).
     */
    static String mistake(List<Access> accesses, List<Set<Long>> truths, List<Set<Long>> predicted) {
        List<String> order = List.of("shared-counts-as-copy", "whole-section-copied", "reads-copy",
                "any-instance-copies");
        int best = order.size();
        for (int i = 0; i < truths.size(); i++) {
            Set<Long> p = predicted.get(i);
            for (long page : p == null ? Set.<Long>of() : new TreeSet<>(p)) {
                if (truths.get(i).contains(page)) {
                    continue;
                }
                int instance = i;
                boolean read = accesses.stream().anyMatch(a -> !a.write() && a.instance() == instance
                        && pageOf(a.global()) == page);
                boolean otherWrote = accesses.stream().anyMatch(a -> a.write() && a.instance() != instance
                        && pageOf(a.global()) == page);
                String kind = Lab.sectionAt(page).equals("Shared") ? "shared-counts-as-copy"
                        : otherWrote ? "any-instance-copies" : read ? "reads-copy" : "whole-section-copied";
                best = Math.min(best, order.indexOf(kind));
            }
        }
        return best == order.size() ? null : order.get(best);
    }

    private static long pageOf(String global) {
        return IMAGE.symbolRva(global) & ~(Lab.PAGE - 1);
    }

    private static List<Set<Long>> predictAll(CopyOnWriteLab lab, List<Access> accesses, int instances) {
        List<Set<Long>> out = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            int instance = i;
            Set<Long> answer = Lab.call(Msg.text("predict"), () -> lab.predict(IMAGE, List.copyOf(accesses),
                    instance));
            out.add(answer == null ? null : new HashSet<>(answer)); // the checker's own copy
        }
        return out;
    }

    private static CheckResult observations(CopyOnWriteLab lab, Machine machine, List<Access> accesses,
                                            int instances, int points, boolean x64) {
        Lab run = new Lab(machine, instances);
        run.perform(accesses);
        List<Set<Long>> seen = new ArrayList<>();
        List<Set<Long>> truths = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            var p = run.process(i);
            Set<Long> answer = Lab.call(Msg.of("observe-in", "observe in instance #{0}", i),
                    () -> lab.observe(p.kernel32(), IMAGE));
            seen.add(answer == null ? null : new HashSet<>(answer)); // the checker's own copy
            truths.add(run.truth(i));
        }
        boolean copiesRight = copiesRight(truths, seen);
        Tally t = new Tally();
        for (int i = 0; i < instances; i++) {
            var p = run.process(i);
            Set<Long> truth = truths.get(i);
            String pid = String.valueOf(p.id());
            String image = Win32Names.hex(p.kernel32().GetModuleHandle(null));
            // The same sentences on x64, keyed apart: a translation places "on x64 with ASLR" where it reads well.
            t.expect(counts(truth, seen.get(i), copiesRight), truth.equals(seen.get(i))
                    ? x64 ? Msg.of("observe.no-copy-alone-x64", "instance #{0} (PID {1}, image at {2}) on x64 with "
                            + "ASLR: observed {3}, rightly, but \"no copy\" counts only once the instances that "
                            + "copied are observed too", i, pid, image, pages(seen.get(i)))
                    : Msg.of("observe.no-copy-alone", "instance #{0} (PID {1}, image at {2}): observed {3}, rightly, "
                            + "but \"no copy\" counts only once the instances that copied are observed too", i, pid,
                            image, pages(seen.get(i)))
                    : x64 ? Msg.of("observe.wrong-x64", "instance #{0} (PID {1}, image at {2}) on x64 with ASLR: "
                            + "observed {3}, but its private copies are {4}", i, pid, image, pages(seen.get(i)),
                            pages(truth))
                    : Msg.of("observe.wrong", "instance #{0} (PID {1}, image at {2}): observed {3}, but its private "
                            + "copies are {4}", i, pid, image, pages(seen.get(i)), pages(truth)));
        }
        return t.result(points, x64 ? Msg.of("observe.pass-x64", "Every instance's observation matched its private "
                        + "copies on x64 with ASLR.") : Msg.of("observe.pass", "Every instance's observation matched "
                        + "its private copies."))
                .hint(observationMistake(accesses, truths, seen), observationMistake(accesses, truths, seen)
                        .equals("shared-counts-as-copy") ? "Only pages of copy-on-write sections count: "
                        + "PAGE_READWRITE in a SHARED section is the shared page itself."
                        : "A private copy is a page of the image whose protection is PAGE_READWRITE in a "
                        + "copy-on-write section (it was PAGE_WRITECOPY): VirtualQuery each page of the image.")
                .evidence(layout(), accessesEvidence(accesses),
                        Evidence.snapshot("Address space of instance #0", run.process(0).inspector().snapshot()));
    }

    /**
     * Whether every instance that made copies was answered right. "No copy" is what an answer that looks at nothing
     * says (the starter's), so it earns credit only then.
     */
    private static boolean copiesRight(List<Set<Long>> truths, List<Set<Long>> answers) {
        for (int i = 0; i < truths.size(); i++) {
            if (!truths.get(i).isEmpty() && !truths.get(i).equals(answers.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean counts(Set<Long> truth, Set<Long> answer, boolean copiesRight) {
        return truth.equals(answer) && (!truth.isEmpty() || copiesRight);
    }

    private static Evidence accessesEvidence(List<Access> accesses) {
        return Evidence.note(Msg.of("note.accesses", "Accesses"), describeMsg(accesses));
    }

    // Section and global names: the same in every language ("Shared" is the section's name in the image).
    private static Evidence layout() {
        return Evidence.note(Msg.text("CowLab.exe"), Msg.text(".text 0x1000-0x2FFF (RX)"),
                Msg.text(".rdata 0x3000 (R): g_szTitle"),
                Msg.text(".data 0x4000-0x6FFF (WRITECOPY): g_a 0x4000, g_b 0x4010, g_c 0x5000, g_d 0x6008"),
                Msg.text("Shared 0x7000 (RWS): g_shared 0x7000, g_total 0x7004"));
    }
}
