package pagelab.exercises.systeminfo;

import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;

/**
 * Chapter 14's SysInfo and VMStat turned into predictions: what each reserve, commit, touch, decommit and release
 * does to address space, commit charge and free RAM. Sources and instructions are under {@code system-info/}.
 */
@Extension
public final class SystemInfo extends ResourceExercise {
    public SystemInfo() {
        super("system-info", "Forecast.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("system-info", "System info and memory status", 14, Difficulty.MEDIUM, 45,
                List.of("Read page size, allocation granularity and the user-mode range from GetSystemInfo",
                        "Tell address space, commit charge and physical memory apart in GlobalMemoryStatusEx",
                        "Predict what reserving, committing, touching, decommitting and releasing each cost"))
                .onTrack(2, 2);
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public Class<?> solutionInterface() {
        return MemoryForecast.class;
    }

    @Override
    public Class<?> checks() {
        return SystemInfoChecks.class;
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(
                wrong("user-mode-two-gib", "Takes user mode as exactly 2 GiB, forgetting the 64 KiB partitions at"
                        + " both ends.", "systemFacts").hint("systemFacts", "user-mode-partitions"),
                wrong("reserve-rounds-to-granularity", "Thinks a reservation uses whole 64 KiB units of address"
                        + " space.", "reserveCostsAddressSpace", "releaseGivesBack", "randomSequence")
                        .hint("reserveCostsAddressSpace", "reserve-rounds-to-granularity")
                        .hint("releaseGivesBack", "reserve-rounds-to-granularity"),
                wrong("commit-takes-ram", "Thinks committing takes RAM right away, not at the first touch.",
                        "commitCharges", "touchTakesRam", "decommitGivesBack", "releaseGivesBack",
                        "randomSequence").hint("commitCharges", "commit-takes-ram")
                        .hint("touchTakesRam", "commit-takes-ram").hint("decommitGivesBack", "commit-takes-ram"),
                wrong("recommit-charges-again", "Charges every page of a commit, even pages already committed.",
                        "commitCharges", "randomSequence").hint("commitCharges", "recommit-charges-again"),
                wrong("decommit-keeps-ram", "Thinks decommitted pages keep their RAM frames until release.",
                        "decommitGivesBack", "randomSequence").hint("decommitGivesBack", "decommit-keeps-ram"));
    }
}
