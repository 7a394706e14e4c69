package pagelab.app.desktop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import pagelab.app.desktop.store.Progress;
import pagelab.app.plugins.WorkshopTrack;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;

/** The catalog's workshop-track view: stages in order, numbered steps, unlisted exercises last. */
class CatalogTrackTest {
    private static ExerciseDescriptor ex(String id, int chapter) {
        return new ExerciseDescriptor(id, "Title of " + id, chapter, Difficulty.EASY, 30, List.of("goal"));
    }

    @Test
    void stagesComeInTrackOrderWithNumberedStepsAndUnlistedExercisesLast() {
        WorkshopTrack track = WorkshopTrack.parse("t", "== First\nstack-guard\n== Second\nsparse-cells\nmissing\n");
        List<CatalogEntry> lines = CatalogModel.buildTrack(
                List.of(ex("sparse-cells", 15), ex("stack-guard", 16), ex("extra", 13)), Progress.empty(), "",
                track, "Other");
        assertThat(lines).extracting(CatalogPanel::describe).containsExactly(
                "First", "1. Title of stack-guard  \u00b7  not started",
                "Second", "2. Title of sparse-cells  \u00b7  not started",
                "Other", "Title of extra  \u00b7  not started");
    }

    @Test
    void theFilterKeepsStepNumbersAndDropsEmptyStages() {
        WorkshopTrack track = WorkshopTrack.parse("t", "== A\nsparse-cells\n== B\nstack-guard\n");
        List<CatalogEntry> lines = CatalogModel.buildTrack(List.of(ex("sparse-cells", 15), ex("stack-guard", 16)),
                Progress.empty(), "stack", track, "Other");
        assertThat(lines).extracting(CatalogPanel::describe)
                .containsExactly("B", "2. Title of stack-guard  \u00b7  not started");
    }
}
