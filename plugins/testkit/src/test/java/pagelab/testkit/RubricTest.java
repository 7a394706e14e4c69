package pagelab.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RubricTest {
    private final AdderExercise adder = new AdderExercise();

    @Test
    void aRubricListsEachCheckWithItsPointsPrerequisitesAndTheMistakesItDiagnoses() {
        assertThat(Rubric.markdown(adder)).isEqualTo("""
                <!-- rubric adder -->
                ### `adder`: Adder (10 points)

                | check | points | runs after | mistakes it diagnoses (known-wrong solution: failure mode) |
                |---|---|---|---|
                | Adds small numbers (`small`) | 5 |  |  |
                | Adds negative numbers (`negative`) | 5 | `small` | `ignores-sign`: drops-sign |
                <!-- end rubric adder -->
                """);
    }

    @Test
    void updateInsertsAMissingRubricBeforeTheEndAndReplacesAPublishedOne() {
        String doc = "# Rubrics\n\n" + Rubric.END + "\n";

        String once = Rubric.update(doc, adder);
        String stale = once.replace("| 5 | `small` |", "| 7 | `small` |");

        assertThat(once).startsWith("# Rubrics\n\n<!-- rubric adder -->").endsWith("\n\n" + Rubric.END + "\n");
        assertThat(Rubric.published(once, adder)).isEqualTo(Rubric.markdown(adder));
        assertThat(Rubric.published(stale, adder)).isNotEqualTo(Rubric.markdown(adder));
        assertThat(Rubric.update(stale, adder)).isEqualTo(once);
    }

    @Test
    void aDocumentWithoutTheEndMarkerIsRefused() {
        assertThatThrownBy(() -> Rubric.update("# nothing here\n", adder)).hasMessageContaining(Rubric.END);
    }
}
