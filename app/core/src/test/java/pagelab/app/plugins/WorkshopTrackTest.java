package pagelab.app.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.files.Installation;
import pagelab.exercise.Difficulty;
import pagelab.exercise.ExerciseDescriptor;

class WorkshopTrackTest {

    private static final List<ExerciseDescriptor> EXERCISES = List.of(
            exercise("late", 15).onTrack(2, 3), exercise("early", 15).onTrack(2, 1), exercise("tied", 15).onTrack(2, 1),
            exercise("first", 14).onTrack(1, 1), exercise("elsewhere", 18), exercise("beyond", 18).onTrack(9, 1));

    private static ExerciseDescriptor exercise(String id, int chapter) {
        return new ExerciseDescriptor(id, "Title of " + id, chapter, Difficulty.EASY, 10, List.of("goal"));
    }

    @Test
    void theShippedTrackPlacesEachExerciseInTheHostsStagesByStepThenId() {
        WorkshopTrack track = WorkshopTrack.load(null, EXERCISES);

        assertThat(track.source()).isEqualTo("shipped track");
        assertThat(track.stages()).extracting(WorkshopTrack.Stage::title).startsWith(
                "1. Look around: the address space (chapters 13-14)",
                "2. Reserve and commit, and what they cost (chapters 13-15)",
                "3. Faults: SEH filters, protection, thread stacks (chapters 13, 15-16)",
                "4. Memory-mapped files (chapter 17)", "5. Sharing memory between processes (chapter 17)",
                "6. Heaps (chapter 18)", "7. Going further: DLL bases and relocation (chapter 17)");
        assertThat(track.stages().get(1).exerciseIds()).containsExactly("early", "tied", "late");
        assertThat(track.exerciseIds()).containsExactly("first", "early", "tied", "late", "beyond")
                .doesNotContain("elsewhere");
        assertThat(track.stages().get(track.stages().size() - 1)).isEqualTo(new WorkshopTrack.Stage("9.",
                List.of("beyond")));
    }

    @Test
    void theShippedTrackNamesItsStagesInChineseWithTheSameStagesAsInEnglish() {
        List<String> english = WorkshopTrack.titles(null);
        List<String> chinese = WorkshopTrack.titles(java.util.Locale.SIMPLIFIED_CHINESE);
        assertThat(chinese).as("workshop-track_zh_CN.txt has a title for every stage of workshop-track.txt")
                .hasSameSizeAs(english);
        for (int i = 0; i < english.size(); i++) {
            assertThat(chinese.get(i)).as("stage %d keeps its number", i + 1).startsWith((i + 1) + ". ")
                    .isNotEqualTo(english.get(i));
        }
        WorkshopTrack track = WorkshopTrack.shipped(EXERCISES, java.util.Locale.SIMPLIFIED_CHINESE);
        assertThat(track.stages().get(0).title()).isEqualTo("1. 四处看看：地址空间（第 13-14 章）");
        assertThat(track.exerciseIds()).as("the same exercises in the same places")
                .isEqualTo(WorkshopTrack.shipped(EXERCISES).exerciseIds());
        assertThat(WorkshopTrack.shipped(EXERCISES, java.util.Locale.GERMAN).stages().get(0).title())
                .as("a language without a translation gets English").startsWith("1. Look around");
    }

    @Test
    void aWorkshopLeadersOwnTrackInTheDataFolderReplacesIt(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve(WorkshopTrack.FILE_NAME), "# mine\n== Day 1\nsparse-cells\n\nstack-guard\n");
        WorkshopTrack track = WorkshopTrack.load(data, EXERCISES);
        assertThat(track.stages()).hasSize(1);
        assertThat(track.stages().get(0).title()).isEqualTo("Day 1");
        assertThat(track.exerciseIds()).containsExactly("sparse-cells", "stack-guard");
    }

    @Test
    void aWorkshopKitsTrackIsUsedWhenTheDataFolderHasNone(@TempDir Path data, @TempDir Path kit) throws Exception {
        Files.writeString(kit.resolve(Installation.TRACK_FILE), "== Kit day\nstack-guard\nsparse-cells\n");
        String before = System.getProperty(Installation.PROPERTY);
        System.setProperty(Installation.PROPERTY, kit.toString());
        try {
            assertThat(WorkshopTrack.load(data, EXERCISES).exerciseIds()).containsExactly("stack-guard",
                    "sparse-cells");
            Files.writeString(data.resolve(WorkshopTrack.FILE_NAME), "== Mine\nfirst\n");
            assertThat(WorkshopTrack.load(data, EXERCISES).exerciseIds()).as("the data folder's own track first")
                    .containsExactly("first");
        } finally {
            if (before == null) {
                System.clearProperty(Installation.PROPERTY);
            } else {
                System.setProperty(Installation.PROPERTY, before);
            }
        }
    }

    @Test
    void linesBeforeTheFirstStageFormAnUntitledStage() {
        WorkshopTrack track = WorkshopTrack.parse("t", "a\nb\n== Next\nc");
        assertThat(track.stages()).extracting(WorkshopTrack.Stage::title).containsExactly("", "Next");
    }
}
