package pagelab.exercises.mappingbyhandle;

import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;

/**
 * Sharing an unnamed mapping by handle: inheritance (the value on the child's command line) and DuplicateHandle into
 * a running process, beside named-shared-memory's sharing by name. Sources and instructions are resources under
 * {@code mapping-by-handle/}.
 */
@Extension
public final class MappingByHandle extends ResourceExercise {
    public MappingByHandle() {
        super("mapping-by-handle", "HandleSharing.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("mapping-by-handle", "Sharing a mapping by handle", 17,
                Difficulty.MEDIUM, 50, List.of(
                "Make a handle inheritable (SECURITY_ATTRIBUTES.bInheritHandle) and start a child that inherits it",
                "Pass an inherited handle's value on the command line (GetCommandLine)",
                "Stop later children inheriting a handle (SetHandleInformation)",
                "Give a running process a handle with less access (OpenProcess, DuplicateHandle)",
                "Close every handle: a section dies with its last handle in any process"))
                .onTrack(5, 2);
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public Class<?> solutionInterface() {
        return HandleShare.class;
    }

    @Override
    public Class<?> checks() {
        return MappingByHandleChecks.class;
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(
                wrong("not-inheritable", "Creates the section with NULL security attributes: its handle is not "
                        + "inheritable, so the child gets nothing.", "childReadsInheritedData")
                        .hint("childReadsInheritedData", "not-inheritable"),
                wrong("stays-inheritable", "Never clears HANDLE_FLAG_INHERIT: every child the parent starts later "
                        + "gets the section too.", "laterChildrenInheritNothing")
                        .hint("laterChildrenInheritNothing", "stays-inheritable"),
                wrong("duplicates-into-self", "Passes GetCurrentProcess() as the target of DuplicateHandle: the value "
                        + "is a handle of the parent, meaningless in the other process.", "duplicateReachesTarget")
                        .hint("duplicateReachesTarget", "duplicates-into-self"),
                wrong("same-access", "Duplicates with DUPLICATE_SAME_ACCESS: the other process may write the data.",
                        "duplicateIsReadOnly").hint("duplicateIsReadOnly", "same-access"),
                wrong("keeps-process-handles", "Never closes the hProcess and hThread CreateProcess returns, nor "
                        + "OpenProcess's handle.", "handlesClosed").hint("handlesClosed", "keeps-process-handles"),
                wrong("keeps-section-handle", "Keeps its own handle to the section it duplicated: the section outlives "
                        + "the target's handle.", "handlesClosed").hint("handlesClosed", "keeps-section-handle"));
    }
}
