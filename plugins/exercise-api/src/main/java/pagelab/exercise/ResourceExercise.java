package pagelab.exercise;

import java.util.Locale;
import java.util.Set;

/**
 * An {@link Exercise} whose instructions and sources are plugin resources in the usual layout, so that a plugin's
 * exercise class holds only what is its own: the descriptor, the solution interface, the checks and the list of
 * known-wrong solutions. Every exercise repeated the same loading code; this class holds it once.
 *
 * <p>The layout, under one resource folder (by convention the exercise id, e.g. {@code sparse-cells}):
 * <pre>
 * FOLDER/instructions.md        the default (English) instructions; instructions_zh_CN.md etc. beside it
 * FOLDER/starter/FILE...        what the student starts from
 * FOLDER/reference/FILE...      a correct solution
 * FOLDER/wrong/NAME/FILE...     one folder per known-wrong solution, see {@link #wrong}
 * </pre>
 *
 * <p>Resources are read through the class loader of the concrete class ({@code getClass()}), as if it had passed
 * itself to {@link Instructions#load} and {@link SourceSet#fromResources}: each plugin has its own class loader,
 * and this class lives in the host's, which cannot see them.
 *
 * <p>A subclass is an exercise like any other: annotated {@code @Extension}, with a public no-argument constructor
 * that passes its folder and file names to {@code super}, and stateless. Implementing {@link Exercise} directly
 * still works, e.g. for resources laid out otherwise.
 *
 * @since 0.1
 */
public abstract class ResourceExercise implements Exercise {
    private final String folder;
    private final String[] files;

    /**
     * @param folder the resource folder without leading or trailing slash, e.g. {@code sparse-cells}
     * @param files  the student's file names, e.g. {@code SparseSpreadsheet.java}: the same in the starter, the
     *               reference and every known-wrong solution
     * @throws IllegalArgumentException if the folder is blank or has a leading or trailing slash, or no file is
     *                                  named
     */
    protected ResourceExercise(String folder, String... files) {
        if (folder == null || folder.isBlank() || folder.startsWith("/") || folder.endsWith("/")) {
            throw new IllegalArgumentException("a resource folder without leading or trailing slash, got " + folder);
        }
        if (files == null || files.length == 0) {
            throw new IllegalArgumentException("name the student's files in " + folder);
        }
        this.folder = folder;
        this.files = files.clone();
    }

    /** {@code FOLDER/instructions.md}, or its translation for {@code locale} (see {@link Instructions#load}). */
    @Override
    public String instructions(Locale locale) {
        return Instructions.load(getClass(), folder + "/instructions", locale);
    }

    /** The files in {@code FOLDER/starter}. */
    @Override
    public SourceSet starter() {
        return SourceSet.fromResources(getClass(), folder + "/starter", files);
    }

    /** The files in {@code FOLDER/reference}. */
    @Override
    public SourceSet reference() {
        return SourceSet.fromResources(getClass(), folder + "/reference", files);
    }

    /**
     * The known-wrong solution whose files are in {@code FOLDER/wrong/name}, for {@link #knownWrong}.
     *
     * @param name     the solution's id and the name of its folder, e.g. {@code commits-everything}
     * @param mistake  the mistake in one sentence
     * @param mustFail the ids of the checks it fails
     * @throws IllegalStateException    naming the resource if a file is missing
     * @throws IllegalArgumentException as {@link KnownWrongSolution} does, or if a check is named twice
     */
    protected final KnownWrongSolution wrong(String name, String mistake, String... mustFail) {
        return new KnownWrongSolution(name, mistake,
                SourceSet.fromResources(getClass(), folder + "/wrong/" + name, files), Set.of(mustFail));
    }
}
