package pagelab.exercises.filereverse;

import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.ResourceExercise;

/**
 * Chapter 17's FileRev for ANSI text: reverse a file in place through a mapping one byte larger than the file (the
 * book's FileRev, which also takes Unicode files, maps sizeof(WCHAR) bytes more), then restore its size. Sources and instructions are resources under {@code file-reverse/}.
 */
@Extension
public final class FileReverse extends ResourceExercise {
    public FileReverse() {
        super("file-reverse", "FileRev.java");
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("file-reverse", "Reversing a file through a view", 17, Difficulty.EASY, 40,
                List.of("Map a data file: CreateFile, CreateFileMapping, MapViewOfFile",
                        "See that a mapping larger than its file grows the file",
                        "Restore a file's size with SetEndOfFile once no view or mapping refers to it",
                        "Undo in order: UnmapViewOfFile, close the mapping, close the file"))
                .onTrack(4, 1);
    }

    @Override
    public List<Locale> translations() {
        return List.of(Locale.SIMPLIFIED_CHINESE);
    }

    @Override
    public Class<?> solutionInterface() {
        return FileReverser.class;
    }

    @Override
    public Class<?> checks() {
        return FileReverseChecks.class;
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return List.of(
                wrong("forgets-set-end-of-file", "Never cuts the file back after the mapping grew it.",
                        "restoresFileSize", "emptyFile").hint("restoresFileSize", "forgets-set-end-of-file")
                        .hint("emptyFile", "forgets-set-end-of-file"),
                wrong("truncates-while-mapped", "Calls SetEndOfFile while the view is mapped and ignores "
                        + "ERROR_USER_MAPPED_FILE.", "restoresFileSize", "emptyFile")
                        .hint("restoresFileSize", "truncates-while-mapped").hint("emptyFile", "truncates-while-mapped"),
                wrong("maps-exact-size", "Maps exactly the file's size and writes the zero past the end.",
                        "mappingOneByteLarger", "emptyFile", "handlesPageMultipleFile")
                        .hint("mappingOneByteLarger", "maps-exact-size").hint("emptyFile", "maps-exact-size")
                        .hint("handlesPageMultipleFile", "maps-exact-size"),
                wrong("leaks-file-handle", "Never closes the file handle.", "closesEverything")
                .hint("closesEverything", "leaks-handles"));
    }
}
