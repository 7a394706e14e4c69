package pagelab.exercise;

import java.util.List;
import java.util.Locale;
import org.pf4j.ExtensionPoint;
import pagelab.kernel.MachineConfig;

/**
 * An exercise, contributed by a plugin as an {@code @Extension}. Everything about it comes from this one object:
 * catalog data, instructions, the sources a student starts from, the reference and known-wrong solutions, and
 * the class holding its {@link Check} methods.
 *
 * <p>Contract: implementations have a public no-argument constructor, are cheap to construct and stateless; the
 * host may call any method from any thread, any number of times. Methods return the same values every time.
 * The grading runner also constructs the exercise class directly, in a child JVM with the plugin jar and the
 * compiled student classes on the class path, so nothing here may depend on host state.
 *
 * @since 0.1
 */
public interface Exercise extends ExtensionPoint {

    /** Identity and catalog data. */
    ExerciseDescriptor descriptor();

    /**
     * The instructions in Markdown, translated for {@code locale} if a translation exists, else in English.
     * {@link ResourceExercise} implements it with {@link Instructions#load}, the usual way.
     *
     * @param locale the reader's locale, or null for the default text
     */
    String instructions(Locale locale);

    /** The locales with a translation of the instructions, besides the default English text. */
    default List<Locale> translations() {
        return List.of();
    }

    /** What the student starts from: the only files a student edits, with {@code TODO}s. */
    SourceSet starter();

    /** A correct solution: it must score 100%. */
    SourceSet reference();

    /** Solutions with one typical mistake each; verification proves that each fails exactly its checks. */
    List<KnownWrongSolution> knownWrong();

    /**
     * The interface the student's class implements (it lives in the plugin). The runner finds the solution class
     * among the compiled student classes as the one concrete class implementing it with a public no-arg
     * constructor.
     */
    Class<?> solutionInterface();

    /**
     * The class declaring the {@link Check} methods. It needs a public no-argument constructor; a fresh instance
     * is made for every check.
     */
    Class<?> checks();

    /**
     * The machine every check runs on; the runner sets the seed (see {@link CheckRunner.Options#seed}).
     * Defaults to a 32-bit machine, whose 8-digit addresses are easiest to read.
     */
    default MachineConfig machineConfig() {
        return MachineConfig.x86();
    }
}
