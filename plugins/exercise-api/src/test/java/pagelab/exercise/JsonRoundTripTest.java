package pagelab.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import pagelab.kernel.WinNT;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.Allocation;
import pagelab.kernel.inspect.Region;

class JsonRoundTripTest {
    @Test
    void aGradeReportWithEvidenceSurvivesJson() throws Exception {
        Region r = new Region(0x00B40000L, 0x1000, 0x00B40000L, WinNT.PAGE_READWRITE, WinNT.MEM_COMMIT,
                WinNT.PAGE_READWRITE, WinNT.MEM_PRIVATE);
        AddressSpaceSnapshot snap = new AddressSpaceSnapshot(7, 0x10000, 0x7FFEFFFFL,
                List.of(new Allocation(0x00B40000L, 0x1000, WinNT.MEM_PRIVATE, WinNT.PAGE_READWRITE, "", List.of(r))));
        CheckResult result = CheckResult.fail("1 page", "3 pages").hint("decommit").evidence(
                Evidence.snapshot("after", snap), Evidence.note("n", "a", "b"))
                .scored(new CheckInfo("c", "C", 5, List.of(), 0));
        GradeReport report = new GradeReport("toy", 15, List.of(result));
        ObjectMapper json = new ObjectMapper();

        GradeReport back = json.readValue(json.writeValueAsString(report), GradeReport.class);

        assertThat(back).isEqualTo(report);
    }

    @Test
    void aTranslatableNoteKeepsItsMessagesThroughJson() throws Exception {
        Evidence note = Evidence.note(Msg.of("note.touched", "Pages touched"), Msg.text("0x00010000"),
                Msg.of("note.at-creation", "at creation: {0} pages", 3)).captioned(Msg.of("note.counts",
                "Counts for {0}", Msg.of("heap", "heap {0}", "0x00230000")));
        CheckResult result = CheckResult.pass("ok").evidence(note).scored(new CheckInfo("c", "C", 5, List.of(), 0));
        ObjectMapper json = new ObjectMapper();

        CheckResult back = json.readValue(json.writeValueAsString(result), CheckResult.class);

        assertThat(back).isEqualTo(result);
        assertThat(back.evidence().get(0).title()).isEqualTo("Counts for heap 0x00230000");
        assertThat(back.evidence().get(0).lines()).containsExactly("0x00010000", "at creation: 3 pages");
        assertThat(back.messageKeys()).contains("note.counts", "heap", "note.at-creation");
    }
}
