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
}
