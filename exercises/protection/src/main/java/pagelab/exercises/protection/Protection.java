package pagelab.exercises.protection;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.Exercise;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.Instructions;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.SourceSet;

/**
 * Page protection put to work: a write tracker over a read-only buffer, driven by {@code VirtualProtect} and its
 * old protection. Sources and instructions are resources under {@code protection/}.
 */
@Extension
public final class Protection implements Exercise {
    private static final String DIR = "protection";
    private static final String FILE = "PageWriteTracker.java";

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("protection", "Page protection and a write tracker", 13, Difficulty.MEDIUM, 45,
                List.of("Choose between PAGE_NOACCESS, PAGE_READONLY and PAGE_READWRITE for what should fault",
                        "Change protection page by page with VirtualProtect and use the old protection it returns",
                        "Turn write faults into a record of dirty pages, as GetWriteWatch does",
                        "Leave faults and pages that belong to someone else alone"));
    }

    @Override
    public String instructions(Locale locale) {
        return Instructions.load(Protection.class, DIR + "/instructions", locale);
    }

    @Override
    public SourceSet starter() {
        return SourceSet.fromResources(Protection.class, DIR + "/starter", FILE);
    }

    @Override
    public SourceSet reference() {
        return SourceSet.fromResources(Protection.class, DIR + "/reference", FILE);
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
                        + " first page's).", "writesRecorded", "respectsOldProtection", "resetRearms"),
                wrong("protects-noaccess", "Uses PAGE_NOACCESS instead of PAGE_READONLY, so reads fault too.",
                        "openProtectsBuffer", "readsNotRecorded", "respectsOldProtection", "resetRearms"),
                wrong("no-range-check", "Unprotects any read-only page a write faults on, even outside the"
                        + " buffer.", "foreignFaultsPassOn"),
                wrong("ignores-old-protection", "Never looks at the old protection, so a page someone made"
                        + " PAGE_NOACCESS becomes writable.", "respectsOldProtection"),
                wrong("reset-null-old-protect", "Passes NULL as lpflOldProtect in reset; VirtualProtect fails"
                        + " with ERROR_NOACCESS and the pages stay writable.", "resetRearms"));
    }

    private static KnownWrongSolution wrong(String name, String mistake, String... mustFail) {
        return new KnownWrongSolution(name, mistake, SourceSet.fromResources(Protection.class,
                DIR + "/wrong/" + name, FILE), Set.of(mustFail));
    }
}
