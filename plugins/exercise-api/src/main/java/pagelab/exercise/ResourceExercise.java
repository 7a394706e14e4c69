package pagelab.exercise;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An {@link Exercise} whose instructions and sources are plugin resources in the usual layout, so that a plugin's
 * exercise class holds only what is its own: the descriptor, the solution interface, the checks and the list of
 * known-wrong solutions. Every exercise repeated the same loading code; this class holds it once.
 *
 * <p>The layout, under one resource folder (by convention the exercise id, e.g. {@code sparse-cells}):
 * <pre>
 * FOLDER/instructions.md        the default (English) instructions; instructions_zh_CN.md etc. beside it
 * FOLDER/reference/FILE...      the reference solution, with the regions that the starter and each known-wrong
 *                               solution replace marked in it (see {@link MarkedSource}): their one source
 * </pre>
 * The starter is the reference with each {@code BEGIN SOLUTION} region replaced; a known-wrong solution declared
 * with {@link #wrong} is the reference with each {@code BEGIN WRONG name} region replaced, under a class comment
 * that names its mistake.
 *
 * <p>Plugins built before the marked reference (version 0.1.0 of this API) ship the starter and each known-wrong
 * solution as copies: {@code FOLDER/starter/FILE} and {@code FOLDER/wrong/NAME/FILE}. A reference that marks no
 * region is read that way, so those plugins load and verify as they did.
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

    /**
     * The reference with each solution region replaced by what the starter gets; for a plugin of the old layout,
     * the files in {@code FOLDER/starter}.
     *
     * @throws IllegalStateException naming the resource if a file is missing
     */
    @Override
    public SourceSet starter() {
        List<MarkedSource> sources = markedSources();
        if (!anyMarked(sources)) {
            return legacy("starter", "the reference marks no region the starter leaves out (// BEGIN SOLUTION)");
        }
        return render(sources, MarkedSource::starter);
    }

    /** The files in {@code FOLDER/reference}, without their markers. */
    @Override
    public SourceSet reference() {
        return render(markedSources(), MarkedSource::reference);
    }

    /**
     * The reference files as written, markers and replacements included: the one source of the starter and the
     * known-wrong solutions.
     *
     * @throws IllegalStateException    naming the resource if a file is missing
     * @throws InvalidExerciseException naming the file and line of a malformed marker
     * @since 0.1.1
     */
    public final List<MarkedSource> markedSources() {
        List<MarkedSource> out = new ArrayList<>();
        for (String file : files) {
            String path = folder + "/reference/" + file;
            out.add(MarkedSource.parse(path, SourceSet.readResource(getClass(), path)));
        }
        return out;
    }

    /**
     * The known-wrong solution {@code name}, for {@link #knownWrong}: the reference with every region marked
     * {@code // BEGIN WRONG name} replaced, and a class comment that names the mistake. For a plugin of the old
     * layout, the files in {@code FOLDER/wrong/name}.
     *
     * @param name     the solution's id, e.g. {@code commits-everything}
     * @param mistake  the mistake in one sentence
     * @param mustFail the ids of the checks it fails
     * @throws IllegalStateException    if no region of the reference is marked for {@code name} (the solution no
     *                                  longer applies), or naming the resource if a file is missing
     * @throws IllegalArgumentException as {@link KnownWrongSolution} does, or if a check is named twice
     */
    protected final KnownWrongSolution wrong(String name, String mistake, String... mustFail) {
        List<MarkedSource> sources = markedSources();
        SourceSet solution;
        if (!anyMarked(sources)) {
            solution = legacy("wrong/" + name, "no region of the reference is marked // BEGIN WRONG " + name);
        } else if (sources.stream().noneMatch(s -> s.variants().containsKey(name))) {
            throw new IllegalStateException("known-wrong solution " + name + " no longer applies: no region of "
                    + folder + "/reference is marked // BEGIN WRONG " + name + "; the regions there are for "
                    + variants(sources));
        } else {
            String comment = ClassComment.knownWrong(name, mistake == null ? "" : mistake);
            solution = render(sources, s -> {
                String text = s.wrong(name);
                return text.equals(s.reference()) ? text : ClassComment.replace(text, comment);
            });
        }
        return new KnownWrongSolution(name, mistake, solution, Set.of(mustFail));
    }

    /**
     * Every resource this exercise reads: the instructions and their translations, the reference files, and for
     * a plugin of the old layout the starter's and the known-wrong solutions' copies. Verification reports any
     * other file in the plugin, such as what an earlier build or the archetype's sample left behind.
     *
     * @since 0.1.1
     */
    public Set<String> resources() {
        Set<String> out = new LinkedHashSet<>();
        out.add(folder + "/instructions.md");
        for (Locale l : translations()) {
            out.add(Instructions.path(getClass(), folder + "/instructions", l));
            // The translation of the checks' titles and hints, for an exercise that has one (CheckTexts).
            String texts = CheckTexts.baseName(folder) + "_" + l + ".properties";
            if (getClass().getClassLoader().getResource(texts) != null) {
                out.add(texts);
            }
        }
        for (String file : files) {
            out.add(folder + "/reference/" + file);
        }
        if (!anyMarked(markedSources())) {
            for (String file : files) {
                out.add(folder + "/starter/" + file);
                knownWrong().forEach(w -> out.add(folder + "/wrong/" + w.name() + "/" + file));
            }
        }
        return out;
    }

    private static boolean anyMarked(List<MarkedSource> sources) {
        return sources.stream().anyMatch(MarkedSource::marked);
    }

    private static List<String> variants(List<MarkedSource> sources) {
        return sources.stream().flatMap(s -> s.variants().keySet().stream()).distinct().sorted().toList();
    }

    private SourceSet render(List<MarkedSource> sources, Function<MarkedSource, String> rendering) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < files.length; i++) {
            out.put(files[i], rendering.apply(sources.get(i)));
        }
        return new SourceSet(out);
    }

    // The old layout: a copy per solution. A file that is missing there is named, with what the new layout wants.
    private SourceSet legacy(String dir, String why) {
        String path = folder + "/" + dir;
        for (String file : files) {
            if (getClass().getClassLoader().getResource(path + "/" + file) == null) {
                throw new IllegalStateException("resource " + path + "/" + file + " is missing from the plugin of "
                        + getClass().getName() + ", and " + why);
            }
        }
        return SourceSet.fromResources(getClass(), path, files);
    }
}
