package pagelab.app.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pagelab.exercise.CheckInfo;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Evidence;
import pagelab.exercise.Msg;
import pagelab.kernel.inspect.AddressSpaceSnapshot;

class LastCheckTest {
    @Test
    void aSavedCheckDropsSnapshotsButKeepsTheTranslatableNotesSoARestartShowsThemInItsLanguage() {
        Evidence note = Evidence.note(Msg.of("note.heap", "Heap {0}", "0x00230000"),
                Msg.of("note.at-creation", "at creation: {0}", "fixed-size"));
        Evidence map = Evidence.snapshot("Address space after open",
                new AddressSpaceSnapshot(7, 0x10000, 0x7FFEFFFFL, List.of()));
        CheckResult r = CheckResult.pass("ok").evidence(note, map).scored(new CheckInfo("c", "C", 5, List.of(), 0));

        LastCheck saved = new LastCheck("heap-api", 0, 5, 5, List.of(), List.of(r), Set.of());

        assertThat(saved.results().get(0).evidence().get(0)).isEqualTo(note);
        assertThat(saved.results().get(0).evidence().get(1).snapshot()).isNull();
        assertThat(saved.results().get(0).evidence().get(1).title()).isEqualTo("Address space after open");
    }
}
