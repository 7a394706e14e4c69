package pagelab.exercises.protection;

import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;

/**
 * Page protection put to work: a write tracker over a read-only buffer, driven by {@code VirtualProtect} and its
 * old protection. Sources and instructions are resources under {@code protection/}.
 */
@Extension
public final class Protection extends ResourceExercise {
    public Protection() {
        super("protection", "PageWriteTracker.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("protection", "Page protection and a write tracker", 13, Difficulty.MEDIUM, 45,
                List.of("Choose between PAGE_NOACCESS, PAGE_READONLY and PAGE_READWRITE for what should fault",
                        "Change protection page by page with VirtualProtect and use the old protection it returns",
                        "Turn write faults into a record of dirty pages, as GetWriteWatch does",
                        "Leave faults and pages that belong to someone else alone"))
                .onTrack(3, 2);
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public Class<?> solutionInterface() {
        return WriteTracker.class;
    }

    @Override
    public Class<?> checks() {
        return ProtectionChecks.class;
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(
                wrong("unprotects-whole-buffer", "The filter makes the whole buffer PAGE_READWRITE at the first"
                        + " write, so later pages are never seen (and the old protection it gets back is only the"
                        + " first page's).", "writesRecorded", "respectsOldProtection", "resetRearms")
                        .hint("writesRecorded", "unprotects-whole-buffer")
                        .hint("respectsOldProtection", "unprotects-whole-buffer")
                        .hint("resetRearms", "unprotects-whole-buffer"),
                wrong("protects-noaccess", "Uses PAGE_NOACCESS instead of PAGE_READONLY, so reads fault too.",
                        "openProtectsBuffer", "readsNotRecorded", "respectsOldProtection", "resetRearms")
                        .hint("openProtectsBuffer", "noaccess-not-readonly")
                        .hint("respectsOldProtection", "noaccess-not-readonly")
                        .hint("resetRearms", "noaccess-not-readonly"),
                wrong("no-range-check", "Unprotects any read-only page a write faults on, even outside the"
                        + " buffer.", "foreignFaultsPassOn").hint("foreignFaultsPassOn", "no-range-check"),
                wrong("ignores-old-protection", "Never looks at the old protection, so a page someone made"
                        + " PAGE_NOACCESS becomes writable.", "respectsOldProtection")
                        .hint("respectsOldProtection", "ignores-old-protection"),
                wrong("reset-null-old-protect", "Passes NULL as lpflOldProtect in reset; VirtualProtect fails"
                        + " with ERROR_NOACCESS and the pages stay writable.", "resetRearms")
                        .hint("resetRearms", "null-old-protect"));
    }
}
