package pagelab.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckTextsTest {
    private static final CheckInfo SUM = new CheckInfo("sum", "Adds", 10, List.of(), 0);

    /** The toy exercise under the id texty, whose translation is texty/checks_zh_CN.properties. */
    static final class Texty extends ToyExercise {
        @Override
        public ExerciseDescriptor descriptor() {
            return new ExerciseDescriptor("texty", "Texty", 15, Difficulty.EASY, 5, List.of("Translate"));
        }
    }

    private final CheckTexts zh = CheckTexts.of(new Texty(), Locale.SIMPLIFIED_CHINESE);

    @Test
    void aKeyedMessageIsTranslatedWithItsOwnArgumentsAndTheGradedResultKeepsTheEnglish() {
        CheckResult graded = CheckResult.partial(4, Msg.of("committed", "committed {0} pages, expected {1}", 12, 3))
                .hint("no-sum", "Return the sum.").scored(SUM);

        CheckResult shown = zh.apply(graded);

        assertThat(shown.title()).isEqualTo("求和");
        assertThat(shown.message()).isEqualTo("调拨了 12 页，预期 3 页");
        assertThat(shown.hint()).isEqualTo("返回两数之和。");
        assertThat(shown.points()).isEqualTo(graded.points());
        assertThat(graded.message()).isEqualTo("committed 12 pages, expected 3");
        assertThat(zh.apply(shown)).as("translating twice changes nothing").isEqualTo(shown);
    }

    @Test
    void aMessageTheTranslationLacksOrBreaksStaysEnglishAndIsReportedMissing() {
        CheckResult graded = CheckResult.fail(Msg.of("unknown", "base() returned {0}", "0x00000000")).scored(SUM);
        CheckResult broken = CheckResult.fail(Msg.of("broken", "broken {0}", 1)).scored(SUM);

        assertThat(zh.apply(graded).message()).isEqualTo("base() returned 0x00000000");
        assertThat(zh.missing(graded)).containsExactly("unknown");
        assertThat(zh.apply(broken).message()).isEqualTo("broken 1");
        assertThat(zh.missing(broken)).isEmpty();
    }

    @Test
    void aTallyTranslatesEachProblemAndTheApiSaysTheRest() {
        Tally t = new Tally();
        for (long page = 0x1000; page <= 0x6000; page += 0x1000) {
            t.expect(false, Msg.of("page-at", "the page at {0} is not committed", Win32Names.hex(page)));
        }
        t.expect(false, "plain English stays");
        CheckResult graded = t.result(10, "never shown").scored(SUM);

        String shown = zh.apply(graded).message();

        assertThat(graded.message()).startsWith("the page at 0x00001000 is not committed\n").endsWith("... and 3 more");
        assertThat(shown).isEqualTo("0x00001000 处的页没有调拨\n0x00002000 处的页没有调拨\n0x00003000 处的页没有调拨\n"
                + "0x00004000 处的页没有调拨\n（另有 3 个）");
    }

    @Test
    void anEconomyScoreUsesPageLabsOwnTranslationOfItsSentence() {
        CheckResult graded = Economy.score(Msg.of("committed", "committed {0} pages, expected {1}", 6, 3), 2.0, 3.0,
                1.0, 10).scored(SUM);

        assertThat(graded.message()).isEqualTo("committed 6 pages, expected 3: 2.00 (full points at 1.00, none at "
                + "3.00): 5 of 10 points.");
        assertThat(zh.apply(graded).message()).isEqualTo("调拨了 6 页，预期 3 页：2.00（1.00 得满分，3.00 不得分）：得 5 分，"
                + "满分 10 分。");
    }

    @Test
    void expectedAndActualAreTranslatedToo() {
        CheckResult graded = CheckResult.fail(Msg.of("committed", "committed {0} pages, expected {1}", 0, 1),
                Msg.of("page-at", "the page at {0} is not committed", "0x00001000")).scored(SUM);

        CheckResult shown = zh.apply(graded);

        assertThat(graded.message()).isEqualTo("Expected committed 0 pages, expected 1, but the page at 0x00001000 is "
                + "not committed.");
        assertThat(shown.expected()).isEqualTo("调拨了 0 页，预期 1 页");
        assertThat(shown.actual()).isEqualTo("0x00001000 处的页没有调拨");
        assertThat(shown.message()).isEqualTo("预期：调拨了 0 页，预期 1 页；实际：0x00001000 处的页没有调拨。");
    }

    @Test
    void aSkippedCheckNamesItsPrerequisiteByItsTranslatedTitle() {
        CheckPlan plan = CheckPlan.of(ToyChecks.class);
        CheckInfo polite = plan.checks().stream().filter(c -> c.after().contains("greets")).findFirst().orElseThrow();
        CheckResult graded = CheckResult.skipped(plan.skipMessage(polite, Map.of())).scored(polite);

        assertThat(graded.message()).isEqualTo("Skipped: it builds on \"Greets by name\", which did not pass.")
                .isEqualTo(plan.skipReason(polite, Map.of()));
        assertThat(zh.apply(graded).message()).isEqualTo("已跳过：它依赖于“按名字问候”，而那一项没有通过。");
    }

    @Test
    void evidenceCaptionsArePageLabsOwnTranslationAndOthersStayEnglish() {
        CheckResult graded = CheckResult.fail("no").evidence(
                new Evidence(EvidenceKind.FAULTS, "Kernel calls and faults during the check", List.of("x"), null),
                new Evidence(EvidenceKind.FAULTS, "Address space of instance #3", List.of("y"), null)).scored(SUM);

        CheckResult shown = zh.apply(graded);

        assertThat(shown.evidence()).extracting(Evidence::title)
                .containsExactly("检查期间的内核调用与异常", "实例 #3 的地址空间");
        assertThat(shown.evidence().get(0).lines()).containsExactly("x");
        assertThat(graded.evidence().get(0).title()).isEqualTo("Kernel calls and faults during the check");
        assertThat(zh.apply(shown)).as("translating twice changes nothing").isEqualTo(shown);
        assertThat(CheckTexts.of(new Texty(), Locale.ENGLISH).apply(graded)).isEqualTo(graded);
    }

    @Test
    void aCaptionWithAChangingPartIsTranslatedByThePatternOfItsLongestLeadingWords() {
        CheckResult graded = CheckResult.fail("no").evidence(
                new Evidence(EvidenceKind.NOTE, "Heap 0x00230000", List.of("a"), null),
                new Evidence(EvidenceKind.NOTE, "Heap of process 7", List.of("b"), null),
                new Evidence(EvidenceKind.NOTE, "Process 7 heap", List.of("c"), null),
                new Evidence(EvidenceKind.NOTE, "Heap", List.of("d"), null)).scored(SUM);

        assertThat(zh.apply(graded).evidence()).extracting(Evidence::title).as("a broken pattern (heap-of) falls back "
                + "to a shorter head; a changing part first, or no rest at all, stays English")
                .containsExactly("堆 0x00230000", "堆 of process 7", "Process 7 heap", "Heap");
    }

    @Test
    void aTranslatableNoteSaysItsCaptionAndWordyLinesInChineseAndKeepsItsCodeLines() {
        CheckResult graded = CheckResult.pass("ok").evidence(
                Evidence.note(Msg.of("note.touched", "Pages touched"), Msg.text("0x00010000"),
                        Msg.of("note.at-creation", "at creation: {0} pages", 3), Msg.of("unknown", "left {0}", 1)),
                Evidence.snapshot("Heap 0x00230000", null).captioned(Msg.of("note.counts", "Counts for {0}", "x")),
                Evidence.note(Msg.of("unknown", "Heap {0}", "0x00230000"))).scored(SUM);

        CheckResult shown = zh.apply(graded);

        assertThat(graded.evidence().get(0).lines()).containsExactly("0x00010000", "at creation: 3 pages", "left 1");
        assertThat(shown.evidence().get(0).title()).isEqualTo("触及的页");
        assertThat(shown.evidence().get(0).lines()).containsExactly("0x00010000", "创建时：3 页", "left 1");
        assertThat(shown.evidence().get(1).title()).isEqualTo("x 的计数");
        assertThat(shown.evidence().get(2).title()).as("a caption the bundle lacks is still translated by its words")
                .isEqualTo("堆 0x00230000");
        assertThat(zh.missing(graded)).containsExactly("unknown");
        assertThat(zh.apply(shown)).as("translating twice changes nothing").isEqualTo(shown);
        assertThat(CheckTexts.of(new Texty(), Locale.ENGLISH).apply(graded)).isEqualTo(graded);
    }

    @Test
    void aLongTranslatableNoteKeepsItsLastLinesAndSaysHowManyItLeftOut() {
        Msg[] lines = new Msg[Evidence.MAX_LINES + 5];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = Msg.of("note.at-creation", "at creation: {0} pages", i);
        }
        Evidence e = Evidence.note(Msg.of("note.touched", "Pages touched"), lines);

        assertThat(e.lines()).hasSize(Evidence.MAX_LINES + 1).startsWith("... 5 earlier lines left out",
                "at creation: 5 pages");
        assertThat(zh.apply(e).lines()).startsWith("……前面的 5 行已略去", "创建时：5 页");
        assertThat(zh.apply(e).lines()).as("lines trimmed once are not trimmed again").hasSize(Evidence.MAX_LINES + 1);
        Evidence plain = Evidence.note("Pages", java.util.Collections.nCopies(Evidence.MAX_LINES + 7, "0x00010000")
                .toArray(String[]::new));
        assertThat(zh.apply(plain).lines()).as("the line the API wrote in place of plain lines translates too")
                .startsWith("……前面的 7 行已略去", "0x00010000").hasSize(Evidence.MAX_LINES + 1);
    }

    @Test
    void aLineThatOnlyLooksLikeTheLeftOutLineIsShownAsItIs() {
        Evidence quoted = Evidence.note("Answers", "... 99999999999999999999 earlier lines left out", "0x00010000");

        assertThat(zh.apply(quoted).lines()).containsExactly("... 99999999999999999999 earlier lines left out",
                "0x00010000");
    }

    @Test
    void plainMessagesAndEnglishReadAsTheyAlwaysDid() {
        CheckResult plain = CheckResult.fail("1 page", "3 pages").hint("no-sum", "Return the sum.").scored(SUM);
        CheckResult keyed = CheckResult.pass(Msg.of("committed", "committed {0} pages, expected {1}", 1, 1))
                .scored(SUM);
        CheckTexts en = CheckTexts.of(new Texty(), Locale.ENGLISH);

        assertThat(zh.apply(plain).message()).isEqualTo(plain.message());
        assertThat(zh.apply(plain).hint()).isEqualTo("返回两数之和。");
        assertThat(en.apply(keyed)).isEqualTo(keyed);
        assertThat(en.missing(keyed)).isEmpty();
    }
}
