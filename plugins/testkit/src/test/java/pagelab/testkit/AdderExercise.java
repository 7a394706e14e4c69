package pagelab.testkit;

import example.adder.Adder;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import pagelab.exercise.Difficulty;
import pagelab.exercise.Exercise;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.SourceSet;

/** A toy exercise whose sources are given inline; {@code wrong} is configurable to test the verifier. */
public class AdderExercise implements Exercise {
    static final String HEAD = "import example.adder.Adder;\npublic class MyAdder implements Adder {\n"
            + "    public int add(int a, int b) {\n";
    private final List<KnownWrongSolution> wrong;

    public AdderExercise() {
        this(List.of(wrong("ignores-sign", "return Math.abs(a) + Math.abs(b);", "negative")
                .hint("negative", "drops-sign")));
    }

    AdderExercise(List<KnownWrongSolution> wrong) {
        this.wrong = wrong;
    }

    static SourceSet adder(String body) {
        return SourceSet.of("MyAdder.java", HEAD + "        " + body + "\n    }\n}\n");
    }

    static KnownWrongSolution wrong(String name, String body, String... mustFail) {
        return new KnownWrongSolution(name, "a mistake", adder(body), Set.of(mustFail));
    }

    @Override
    public ExerciseDescriptor descriptor() {
        return new ExerciseDescriptor("adder", "Adder", 13, Difficulty.EASY, 1, List.of("Add"));
    }

    @Override
    public String instructions(Locale locale) {
        return "# Add two numbers";
    }

    @Override
    public SourceSet starter() {
        return adder("return 0; // TODO");
    }

    @Override
    public SourceSet reference() {
        return adder("return a + b;");
    }

    @Override
    public List<KnownWrongSolution> knownWrong() {
        return wrong;
    }

    @Override
    public Class<?> solutionInterface() {
        return Adder.class;
    }

    @Override
    public Class<?> checks() {
        return AdderChecks.class;
    }
}
