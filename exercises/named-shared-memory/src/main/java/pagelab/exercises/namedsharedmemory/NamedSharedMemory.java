package pagelab.exercises.namedsharedmemory;

import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;

/**
 * Chapter 17's MMFShare: processes share a string through a paging-file-backed mapping named {@code MMFSharedData}.
 * Sources and instructions are resources under {@code named-shared-memory/}.
 */
@Extension
public final class NamedSharedMemory extends ResourceExercise {
    public NamedSharedMemory() {
        super("named-shared-memory", "MMFShare.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("named-shared-memory", "Sharing data through a named mapping", 17,
                Difficulty.EASY, 40, List.of(
                "Create a file mapping backed by the paging file (INVALID_HANDLE_VALUE)",
                "Open a kernel object by name from another process (OpenFileMapping)",
                "Recognise ERROR_ALREADY_EXISTS returned together with a valid handle",
                "Know when a mapping object dies: its last handle and view gone"))
                .onTrack(5, 1);
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public Class<?> solutionInterface() {
        return MemoShare.class;
    }

    @Override
    public Class<?> checks() {
        return NamedSharedMemoryChecks.class;
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(
                wrong("null-file-handle", "Passes NULL instead of INVALID_HANDLE_VALUE for \"no file\".",
                        "createsPagingFileMapping").hint("createsPagingFileMapping", "null-file-handle"),
                wrong("ignores-already-exists", "Takes any handle from CreateFileMapping as a new mapping and "
                        + "overwrites the data.", "reportsAlreadyExists")
                        .hint("reportsAlreadyExists", "ignores-already-exists"),
                wrong("read-creates", "Reads with CreateFileMapping, which creates an empty mapping when none exists.",
                        "readWithoutMappingFails", "mappingDiesWithLastHandle")
                        .hint("readWithoutMappingFails", "read-creates")
                        .hint("mappingDiesWithLastHandle", "read-creates"),
                wrong("never-closes-handle", "close forgets the handle without CloseHandle.",
                        "mappingDiesWithLastHandle").hint("mappingDiesWithLastHandle", "never-closes-handle"),
                wrong("forgets-nul", "Refuses text longer than the view but not text of exactly 4,096 characters,"
                        + " whose NUL does not fit.", "refusesBadText").hint("refusesBadText", "crash-on-bad-text"),
                wrong("leaks-view", "Never unmaps its views.", "viewsUnmapped", "mappingDiesWithLastHandle")
                .hint("viewsUnmapped", "leaks-view").hint("mappingDiesWithLastHandle", "leaks-view"));
    }
}
