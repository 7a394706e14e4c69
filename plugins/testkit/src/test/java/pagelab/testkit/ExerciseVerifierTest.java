package pagelab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import pagelab.exercise.CheckRunner;
import pagelab.exercise.CheckStatus;
import pagelab.exercise.GradeReport;

class ExerciseVerifierTest {
    private final ExerciseVerifier verifier = new ExerciseVerifier(
            new CheckRunner(CheckRunner.Options.defaults(), FakeMachine::create));

    @Test
    void aGoodExerciseVerifies() {
        VerificationReport r = verifier.verify(new AdderExercise());

        assertThat(r.ok()).as(r.summary()).isTrue();
        assertThat(r.findings()).extracting(Finding::subject).contains("reference", "starter",
                "known-wrong ignores-sign");
    }

    @Test
    void aTranslationThatLacksASectionOfTheEnglishFailsTheInstructions() {
        AdderExercise ex = new AdderExercise() {
            @Override
            public String instructions(Locale locale) {
                return locale == null ? "# Add two numbers\n\n## Going further\n" : "# 两数相加\n";
            }

            @Override
            public List<Locale> translations() {
                return List.of(Locale.SIMPLIFIED_CHINESE);
            }
        };

        Finding f = verifier.verifyStructure(ex).stream().filter(x -> x.subject().equals("instructions"))
                .findFirst().orElseThrow();

        assertThat(f.ok()).isFalse();
        assertThat(f.message()).contains("the zh_CN translation lacks the English h2 at line 3 (## Going further)");
    }

    @Test
    void anExerciseThatTranslatesItsChecksMustTranslateEveryTitleAndDeclaredHint() {
        AdderExercise ex = new AdderExercise() {
            @Override
            public List<Locale> translations() {
                return List.of(Locale.SIMPLIFIED_CHINESE);
            }
        };

        Finding f = verifier.verifyStructure(ex).stream().filter(x -> x.subject().equals("check texts"))
                .findFirst().orElseThrow();

        assertThat(f.ok()).isFalse();
        assertThat(f.message()).contains("adder/checks_zh_CN.properties) lack [check.negative.title, "
                + "hint.drops-sign]");
    }

    // The toy exercise with keyed messages and a Chinese translation of its checks (adder/checks_zh_CN.properties,
    // which translates no message).
    private static AdderExercise keyedAndTranslated() {
        return new AdderExercise() {
            @Override
            public List<Locale> translations() {
                return List.of(Locale.SIMPLIFIED_CHINESE);
            }

            @Override
            public Class<?> checks() {
                return KeyedAdderChecks.class;
            }
        };
    }

    @Test
    void aMessageTheTranslationLacksFailsTheSolutionThatReceivedIt() {
        AdderExercise ex = keyedAndTranslated();

        Finding reference = verifier.verifyReference(ex);
        Finding starter = verifier.verifyStarter(ex);

        assertThat(reference.ok()).isFalse();
        assertThat(reference.message()).contains("small says messages the zh_CN check texts lack: [msg.small.pass]");
        assertThat(starter.ok()).isFalse();
        assertThat(starter.message()).contains("small says messages the zh_CN check texts lack: [msg.small.fail]");
    }

    @Test
    void anEnglishCaptionOrNoteLineTheTranslationCannotSayFailsTheSolutionThatReceivedIt() {
        AdderExercise ex = new AdderExercise() {
            @Override
            public List<Locale> translations() {
                return List.of(Locale.SIMPLIFIED_CHINESE);
            }

            @Override
            public Class<?> checks() {
                return EvidenceAdderChecks.class;
            }
        };

        Finding reference = verifier.verifyReference(ex);

        assertThat(reference.ok()).isFalse();
        assertThat(reference.message()).contains("small shows evidence captioned \"What it did\", which the zh_CN "
                        + "check texts cannot translate (evidence.what-it-did")
                .contains("small's note \"Sums\" says \"returned the sum\" in English only")
                .doesNotContain("Adder.java").doesNotContain("add(2, 3) = 5").doesNotContain("got 5")
                .doesNotContain("msg.note");
    }

    @Test
    void englishWordsAreWordsOutsideCodeAndWin32Names() {
        assertThat(EnglishWords.in("Workload")).isTrue();
        assertThat(EnglishWords.in("at creation: 3 pages")).isTrue();
        assertThat(EnglishWords.in(".text 0x1000-0x2FFF (RX), CowLab.exe, System.exit")).isFalse();
        assertThat(EnglishWords.in("lpMinimumApplicationAddress 0x00010000 HeapCreate PAGE_READWRITE x86"))
                .isFalse();
        assertThat(EnglishWords.in("创建时：3 页")).isFalse();
        assertThat(EnglishWords.lowerCaseIn("解答必须返回它的结果；System.exit 会结束评分 JVM")).isFalse();
        assertThat(EnglishWords.lowerCaseIn("Workload")).isFalse();
    }

    @Test
    void keyedMessagesNeedNoTranslationInAnExerciseThatTranslatesNothing() {
        AdderExercise ex = new AdderExercise() {
            @Override
            public Class<?> checks() {
                return KeyedAdderChecks.class;
            }
        };

        assertThat(verifier.verifyReference(ex).ok()).isTrue();
        assertThat(verifier.verifyStarter(ex).ok()).isTrue();
    }

    @Test
    void anExerciseWithoutCheckTextsIsEnglishOnlyAndWellFormed() {
        Finding f = verifier.verifyStructure(new AdderExercise()).stream()
                .filter(x -> x.subject().equals("check texts")).findFirst().orElseThrow();

        assertThat(f.ok()).isTrue();
        assertThat(f.message()).isEqualTo("no translation of the checks");
    }

    @Test
    void aKnownWrongSolutionThatPassesACheckItMustFailIsReported() {
        AdderExercise ex = new AdderExercise(List.of(AdderExercise.wrong("harmless", "return a + b;", "negative")));

        Finding f = verifier.verifyKnownWrong(ex, ex.knownWrong().get(0));

        assertThat(f.ok()).isFalse();
        assertThat(f.message()).contains("passes [negative], which it must fail");
    }

    @Test
    void aKnownWrongSolutionThatFailsMoreThanItNamesIsReported() {
        AdderExercise ex = new AdderExercise(List.of(AdderExercise.wrong("off", "return a + b + 1;", "negative")));

        Finding f = verifier.verifyKnownWrong(ex, ex.knownWrong().get(0));

        assertThat(f.ok()).isFalse();
        assertThat(f.message()).contains("also fails [small]");
    }

    @Test
    void checksSkippedBecauseOfANamedFailureAreTolerated() {
        AdderExercise ex = new AdderExercise(List.of(AdderExercise.wrong("zero", "return 0;", "small")
                .hint("small", "no-sum")));

        assertThat(verifier.verifyKnownWrong(ex, ex.knownWrong().get(0)).ok()).isTrue();
    }

    @Test
    void aKnownWrongSolutionDiagnosedAsAnotherMistakeIsReported() {
        AdderExercise ex = new AdderExercise(List.of(AdderExercise.wrong("zero", "return 0;", "small")
                .hint("small", "arithmetic")));

        Finding f = verifier.verifyKnownWrong(ex, ex.knownWrong().get(0));

        assertThat(f.ok()).isFalse();
        assertThat(f.message()).contains("small must diagnose arithmetic but gives the hint of no-sum: \"Return the"
                + " sum.\"");
    }

    @Test
    void aHintTiedToNoFailureModeDoesNotProveTheDiagnosis() {
        AdderExercise ex = new AdderExercise(List.of(AdderExercise.wrong("off-below-zero",
                "return a < 0 ? a + b - 1 : a + b;", "negative").hint("negative", "drops-sign")));

        Finding f = verifier.verifyKnownWrong(ex, ex.knownWrong().get(0));

        assertThat(f.ok()).isFalse();
        assertThat(f.message()).contains("negative must diagnose drops-sign but gives a hint of no failure mode");
    }

    @Test
    void aHintDeclaredForASkippedCheckIsReported() {
        AdderExercise ex = new AdderExercise(List.of(AdderExercise.wrong("zero", "return 0;", "small", "negative")
                .hint("negative", "drops-sign")));

        Finding f = verifier.verifyKnownWrong(ex, ex.knownWrong().get(0));

        assertThat(f.ok()).isFalse();
        assertThat(f.message()).contains("negative does not run, so it cannot give the hint drops-sign it must");
    }

    @Test
    void aKnownWrongSolutionThatDeclaresNoHintIsNotWellFormed() {
        AdderExercise ex = new AdderExercise(List.of(AdderExercise.wrong("zero", "return 0;", "small")));

        assertThat(verifier.verifyStructure(ex)).filteredOn(x -> !x.ok()).extracting(Finding::message)
                .singleElement().asString().contains("zero declares no hint it must receive");
    }

    @Test
    void aCompileErrorFailsEveryCheckWithJavacsMessageAndLine() {
        GradeReport r = verifier.grade(new AdderExercise(), AdderExercise.adder("return a +;"));

        assertThat(r.results()).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(c.message()).contains("MyAdder.java:4:");
        });
    }

    @Test
    void aMethodNewerThanJava17IsNamedAsSuchInTheCompileError() {
        GradeReport r = verifier.grade(new AdderExercise(), AdderExercise.adder(
                "return java.util.List.of(a + b).getFirst() + (int) Math.clamp(0L, 0, 1);"));

        assertThat(r.results().get(0).message()).contains("cannot find symbol: List.getFirst() came with Java 21, "
                + "but solutions are compiled as Java 17, which does not have it")
                .contains("cannot find symbol: Math.clamp() came with Java 21");
    }

    @Test
    void aKnownWrongSolutionThatIsTheReferenceChangesNothingAndIsReported() {
        AdderExercise ex = new AdderExercise(List.of(AdderExercise.wrong("same", "return a + b;", "negative")
                .hint("negative", "drops-sign")));

        assertThat(verifier.verifyStructure(ex)).filteredOn(x -> !x.ok()).extracting(Finding::message)
                .containsExactly("IllegalStateException: same is the reference solution itself: it changes nothing");
    }

    @Test
    void aChecksClassWhoseConstructorThrowsIsReportedWithTheCause() {
        AdderExercise ex = new AdderExercise() {
            @Override
            public Class<?> checks() {
                return BrokenChecks.class;
            }
        };

        assertThat(verifier.verifyStructure(ex)).filteredOn(x -> x.subject().equals("checks")).singleElement()
                .satisfies(f -> assertThat(f.ok()).isFalse())
                .satisfies(f -> assertThat(f.message()).startsWith("InvalidExerciseException: the constructor of "
                        + "BrokenChecks threw java.lang.IllegalStateException: no machine config here")
                        .contains("at pagelab.testkit.ExerciseVerifierTest$BrokenChecks.<init>("));
    }

    /** Checks whose constructor throws, as one that read a file or a setting would. */
    public static class BrokenChecks extends AdderChecks {
        public BrokenChecks() {
            throw new IllegalStateException("no machine config here");
        }
    }

    @Test
    void anExerciseWithoutKnownWrongSolutionsIsNotWellFormed() {
        List<Finding> f = verifier.verifyStructure(new AdderExercise(List.of()));

        assertThat(f).filteredOn(x -> !x.ok()).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("ships no known-wrong solutions"));
    }
}
