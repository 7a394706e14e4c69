package pagelab.exercises.copyviewsflush;

import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;

/**
 * Chapter 17's FILE_MAP_COPY views and FlushViewOfFile: a draft in a copy-on-write view, saved through a writable
 * view of the same mapping. Sources and instructions are resources under {@code copy-views-flush/}.
 */
@Extension
public final class CopyViewsFlush extends ResourceExercise {
    public CopyViewsFlush() {
        super("copy-views-flush", "DraftDocument.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("copy-views-flush", "A draft view and a live view of one file", 17,
                Difficulty.MEDIUM, 45, List.of(
                "Map a copy-on-write view (FILE_MAP_COPY) whose writes never reach the file or other views",
                "See that the views of one mapping are coherent: a FILE_MAP_WRITE view's writes show everywhere at once",
                "Write changed pages to disk with FlushViewOfFile instead of waiting for the lazy writer",
                "Drop a copy-on-write view's private pages by unmapping it and mapping it again"))
                .onTrack(4, 3);
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public Class<?> solutionInterface() {
        return Document.class;
    }

    @Override
    public Class<?> checks() {
        return CopyViewsFlushChecks.class;
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(
                wrong("draft-is-write-view", "Maps the draft with FILE_MAP_WRITE, so every edit goes straight to the "
                        + "file.", "opensTwoViews", "draftEditsStayPrivate", "saveOnlyTheRange", "revertDropsEdits")
                        .hint("opensTwoViews", "draft-is-write-view")
                        .hint("draftEditsStayPrivate", "draft-is-write-view")
                        .hint("saveOnlyTheRange", "draft-is-write-view")
                        .hint("revertDropsEdits", "draft-is-write-view"),
                wrong("no-flush", "save copies the bytes into the live view but never calls FlushViewOfFile.",
                        "saveReachesTheDisk").hint("saveReachesTheDisk", "no-flush"),
                wrong("flushes-draft", "save calls FlushViewOfFile on the draft, as if that wrote its private pages to "
                        + "the file.", "saveReachesTheDisk").hint("saveReachesTheDisk", "flushes-draft"),
                wrong("saves-whole-view", "save copies the whole draft into the live view, unsaved edits included.",
                        "saveOnlyTheRange").hint("saveOnlyTheRange", "saves-whole-view"),
                wrong("revert-by-flush", "revert calls FlushViewOfFile on the draft, as if that threw its private "
                        + "pages away.", "revertDropsEdits").hint("revertDropsEdits", "revert-by-flush"),
                wrong("leaks-draft", "close unmaps the live view only; the draft stays mapped.",
                        "closeReleasesEverything").hint("closeReleasesEverything", "leaks-views"));
    }
}
