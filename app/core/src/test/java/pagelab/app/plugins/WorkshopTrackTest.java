package pagelab.app.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkshopTrackTest {

    @Test
    void theShippedTrackCoversChapters13To18InStages() {
        WorkshopTrack track = WorkshopTrack.load(null);
        assertThat(track.source()).isEqualTo("shipped track");
        assertThat(track.stages()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(track.exerciseIds()).contains("sparse-cells", "commit-on-fault", "stack-guard", "shared-counter")
                .doesNotHaveDuplicates();
    }

    @Test
    void aWorkshopLeadersOwnTrackInTheDataFolderReplacesIt(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve(WorkshopTrack.FILE_NAME), "# mine\n== Day 1\nsparse-cells\n\nstack-guard\n");
        WorkshopTrack track = WorkshopTrack.load(data);
        assertThat(track.stages()).hasSize(1);
        assertThat(track.stages().get(0).title()).isEqualTo("Day 1");
        assertThat(track.exerciseIds()).containsExactly("sparse-cells", "stack-guard");
    }

    @Test
    void linesBeforeTheFirstStageFormAnUntitledStage() {
        WorkshopTrack track = WorkshopTrack.parse("t", "a\nb\n== Next\nc");
        assertThat(track.stages()).extracting(WorkshopTrack.Stage::title).containsExactly("", "Next");
    }
}
