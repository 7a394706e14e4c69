package pagelab.app.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pagelab.exercise.CheckInfo;
import pagelab.exercise.CheckResult;
import pagelab.exercise.Evidence;
import pagelab.exercise.Msg;
import pagelab.kernel.inspect.AddressSpaceSnapshot;
import pagelab.kernel.inspect.Allocation;
import pagelab.kernel.inspect.Region;

class RecordJsonTest {
    static CheckResult sample() {
        Region block = new Region(0x00390000L, 0x1000, 0x00390000L, 4, 0x1000, 4, 0x20000);
        AddressSpaceSnapshot snap = new AddressSpaceSnapshot(7, 0x10000, 0x7FFEFFFFL,
                List.of(new Allocation(0x00390000L, 0x640000, 0x20000, 4, "sheet", List.of(block))));
        return CheckResult.fail("Expected \"1 page\",\n but\t2 \u0001 \u4e2d\u6587 \\ end", "1", "2")
                .hint("decommit").evidence(Evidence.note("note", "a", "b"), Evidence.snapshot("map", snap))
                .scored(new CheckInfo("c1", "Title", 10, List.of(), 0));
    }

    @Test
    void checkResultWithSnapshotEvidenceRoundTrips() {
        CheckResult r = sample();
        assertThat(RecordJson.read(RecordJson.write(r), CheckResult.class)).isEqualTo(r);
    }

    @Test
    void outputIsJsonThatJacksonReadsToTheSameValue() throws Exception {
        ChildReply reply = new ChildReply(3, sample(), "printed\n", 8, false, false);
        String json = RecordJson.write(reply);
        assertThat(json).doesNotContain("\n");
        ObjectMapper jackson = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        assertThat(jackson.readValue(json, ChildReply.class)).isEqualTo(reply);
        assertThat(RecordJson.read(jackson.writeValueAsString(reply), ChildReply.class)).isEqualTo(reply);
    }

    @Test
    void aResultWithTranslatableMessagesRoundTripsWithItsArguments() {
        CheckResult r = CheckResult.partial(4, Msg.of("committed", "committed {0} at {1} ({2})",
                        Msg.of("pages", "{0,choice,0#0 pages|1#1 page|1<{0} pages}", 3), "0x00390000", 0.5))
                .expectedActual(Msg.of("none", "0 pages"), Msg.text("3"))
                .hint("commits-on-open", Msg.of("hint.at", "look at {0}", "0x00390000"))
                .scored(new CheckInfo("c1", "Title", 10, List.of(), 0));

        CheckResult back = RecordJson.read(RecordJson.write(r), CheckResult.class);

        assertThat(back).isEqualTo(r);
        assertThat(back.message()).isEqualTo("committed 3 pages at 0x00390000 (0.50)");
    }

    @Test
    void translatableEvidenceRoundTripsWithItsCaptionAndLines() {
        CheckResult r = CheckResult.pass("ok").evidence(
                Evidence.note(Msg.of("note.blocks", "Blocks"), Msg.of("note.order", "{0} buffers, in address order: {1}",
                        4, Msg.text("0x00410000")), Msg.text("HeapValidate(0x00400000, 0, NULL)")),
                Evidence.note("plain", "a").captioned(Msg.of("note.counts", "Counts for {0}",
                        Msg.of("heap", "heap {0}", "0x00230000"))))
                .scored(new CheckInfo("c1", "Title", 10, List.of(), 0));

        CheckResult back = RecordJson.read(RecordJson.write(r), CheckResult.class);

        assertThat(back).isEqualTo(r);
        assertThat(back.evidence().get(0).lines()).containsExactly("4 buffers, in address order: 0x00410000",
                "HeapValidate(0x00400000, 0, NULL)");
        assertThat(back.evidence().get(1).title()).isEqualTo("Counts for heap 0x00230000");
        assertThat(back.messageKeys()).contains("note.blocks", "note.order", "note.counts", "heap");
    }

    /**
     * Hostile: a reply whose message argument nests lists far deeper than any checker makes (what a child taken over
     * by student code could send) is refused with an exception, not a stack overflow in the host.
     */
    @Test
    void aMessageArgumentNestedTooDeepIsRefusedNotAStackOverflow() {
        CheckResult r = CheckResult.fail(Msg.of("k", "saw {0}", "MARK")).scored(new CheckInfo("c1", "T", 10, List.of(),
                0));
        String json = RecordJson.write(r);
        assertThat(json).contains("\"MARK\"");
        String deep = json.replace("\"MARK\"", "[".repeat(100_000) + "]".repeat(100_000));
        assertThatThrownBy(() -> RecordJson.read(deep, CheckResult.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    record Mixed(Map<String, Integer> map, Set<String> set, long[] longs, Boolean flag, String missing) {
    }

    @Test
    void mapsSetsArraysAndNullsAreSupported() {
        Mixed m = new Mixed(Map.of("a", 1), Set.of("x"), new long[]{1, -2}, null, null);
        Mixed back = RecordJson.read(RecordJson.write(m), Mixed.class);
        assertThat(back.map()).isEqualTo(Map.of("a", 1));
        assertThat(back.set()).containsExactly("x");
        assertThat(back.longs()).containsExactly(1, -2);
        assertThat(back.flag()).isNull();
    }

    @Test
    void malformedTextIsRefusedWithAnException() {
        assertThatThrownBy(() -> RecordJson.read("{\"id\": 1,", ChildRequest.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordJson.read("{} trailing", ChildRequest.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMillionOpeningBracketsAreRefusedNotAStackOverflow() {
        String bomb = "[".repeat(1_000_000);
        assertThatThrownBy(() -> RecordJson.read(bomb, ChildReply.class)).isInstanceOf(IllegalArgumentException.class);
        String nested = "{\"id\":1,\"result\":" + "{\"evidence\":[".repeat(5_000);
        assertThatThrownBy(() -> RecordJson.read(nested, ChildReply.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesThatDoNotFitTheirTypeAreRefused() {
        assertThatThrownBy(() -> RecordJson.read("{\"id\": \"one\"}", ChildReply.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordJson.read("{\"id\": 1e999999}", ChildReply.class))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordJson.read("{\"result\": {\"status\": \"GRADED_BY_ME\"}}",
                ChildReply.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordJson.read("{\"output\": \"" + "x".repeat(RecordJson.MAX_STRING + 1) + "\"}",
                ChildReply.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNullResultIsReadAsNullForTheHostToRefuse() {
        ChildReply r = RecordJson.read("{\"id\": 7, \"result\": null}", ChildReply.class);
        assertThat(r.result()).isNull();
        assertThat(r.id()).isEqualTo(7);
    }
}
