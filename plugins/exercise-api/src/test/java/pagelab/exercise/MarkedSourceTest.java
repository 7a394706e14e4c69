package pagelab.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkedSourceTest {
    private static final String CELLS = """
            class Cells {
                // tag::clear[]
                void clear(int page) {
                    // BEGIN SOLUTION
                    used[page]--;
                    // BEGIN WRONG never-decommits, decommits-twice
                    if (used[page] == 0) {
                        decommit(page);
                    }
                    // INSTEAD never-decommits
                    // MISTAKE: the page stays committed.
                    // INSTEAD decommits-twice
                    //> decommit(page);
                    //>
                    //>     decommit(page);
                    // END WRONG
                    // INSTEAD
                    // TODO: decommit the page when its last cell is cleared.
                    // END SOLUTION
                }
                // end::clear[]
            }
            """;

    private final MarkedSource cells = MarkedSource.parse("Cells.java", CELLS);

    @Test
    void theReferenceKeepsEveryRegionsOwnCodeAndDropsMarkersAndDocTags() {
        assertThat(cells.reference()).isEqualTo("""
                class Cells {
                    void clear(int page) {
                        used[page]--;
                        if (used[page] == 0) {
                            decommit(page);
                        }
                    }
                }
                """);
    }

    @Test
    void theStarterGetsWhatASolutionRegionGivesInstead() {
        assertThat(cells.starter()).isEqualTo("""
                class Cells {
                    void clear(int page) {
                        // TODO: decommit the page when its last cell is cleared.
                    }
                }
                """);
    }

    @Test
    void aWrongSolutionGetsItsOwnReplacementWithCodeUncommentedAtItsIndentation() {
        assertThat(cells.wrong("never-decommits")).isEqualTo("""
                class Cells {
                    void clear(int page) {
                        used[page]--;
                        // MISTAKE: the page stays committed.
                    }
                }
                """);
        assertThat(cells.wrong("decommits-twice")).isEqualTo("""
                class Cells {
                    void clear(int page) {
                        used[page]--;
                        decommit(page);

                            decommit(page);
                    }
                }
                """);
    }

    @Test
    void aSolutionNoRegionNamesIsTheReference() {
        assertThat(cells.wrong("something-else")).isEqualTo(cells.reference());
        assertThat(cells.variants()).containsOnlyKeys("decommits-twice", "never-decommits");
        assertThat(cells.variants().get("never-decommits")).containsExactly(6);
    }

    @Test
    void aSolutionMayReplaceSeveralRegions() {
        MarkedSource s = MarkedSource.parse("S.java", """
                // BEGIN WRONG off-by-one
                a = 1;
                // INSTEAD
                //> a = 2;
                // END WRONG
                b = 1;
                // BEGIN WRONG off-by-one
                c = 1;
                // END WRONG
                """);

        assertThat(s.wrong("off-by-one")).isEqualTo("a = 2;\nb = 1;\n");
        assertThat(s.variants().get("off-by-one")).containsExactly(1, 7);
    }

    @Test
    void aFileWithoutRegionsIsTheSameInEveryRendering() {
        MarkedSource plain = MarkedSource.parse("P.java", "class P {}\n");

        assertThat(plain.marked()).isFalse();
        assertThat(List.of(plain.reference(), plain.starter(), plain.wrong("x"))).containsOnly("class P {}\n");
        assertThat(cells.marked()).isTrue();
    }

    @Test
    void malformedMarkersAreRefusedWithTheirLine() {
        assertRefused("// BEGIN SOLUTION\nx;\n", "F.java:1: this region is never closed (// END SOLUTION)");
        assertRefused("x;\n// END WRONG\n", "F.java:2: // END WRONG without a region to end");
        assertRefused("// BEGIN SOLUTION\n// END WRONG\n", "F.java:2: this ends the solution region begun at line 1");
        assertRefused("// INSTEAD\n", "F.java:1: // INSTEAD outside a region");
        assertRefused("// BEGIN WRONG Bad_Name\n// END WRONG\n", "F.java:1: // BEGIN WRONG names");
        assertRefused("// BEGIN WRONG a, b\n// INSTEAD\n// END WRONG\n", "say whose replacement follows");
        assertRefused("// BEGIN WRONG a\n// INSTEAD c\n// END WRONG\n", "F.java:2: // INSTEAD c, but the region");
        assertRefused("// BEGIN SOLUTION\n// INSTEAD\n// INSTEAD\n// END SOLUTION\n", "F.java:3: a second");
        assertRefused("// BEGIN SOLUTION\n// INSTEAD\nreturn 0;\n// END SOLUTION\n",
                "F.java:3: what replaces a region is written as comments");
        assertRefused("// BEGIN SOLUTION\n// INSTEAD\n//>return 0;\n// END SOLUTION\n", "\"//> code\"");
        assertRefused("// BEGIN SOLUTION\n// INSTEAD\n// BEGIN WRONG a\n", "F.java:3: a region cannot begin inside");
    }

    private static void assertRefused(String text, String message) {
        assertThatThrownBy(() -> MarkedSource.parse("F.java", text)).isInstanceOf(InvalidExerciseException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aKnownWrongSolutionsClassCommentNamesItsMistake() {
        String source = "import x.Y;\n\n/**\n * The reference solution: it is\n * right.\n */\npublic class A {\n}\n";

        String text = ClassComment.replace(source, ClassComment.knownWrong("off", "Forgets the tail."));

        assertThat(text).isEqualTo("import x.Y;\n\n/**\n * Known-wrong solution \"off\": forgets the tail.\n */\n"
                + "public class A {\n}\n");
        assertThat(ClassComment.replace("class B {}\n", "Text.")).isEqualTo("/**\n * Text.\n */\nclass B {}\n");
        assertThat(ClassComment.knownWrong("n", "HeapWalk is never called.")).endsWith(": HeapWalk is never called.");
        String wrapped = ClassComment.replace("class C {}", "word ".repeat(40));
        assertThat(wrapped.lines()).allMatch(l -> l.length() <= ClassComment.WIDTH).hasSize(5);
    }
}
