package pagelab.app.desktop.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.swing.JEditorPane;
import javax.swing.SwingUtilities;
import javax.swing.text.View;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Instructions as the pane gets them: running text that wraps (Chinese prose without stray spaces), and code
 * blocks, diagrams and tables as wide parts of their own whose lines never break.
 */
class MarkdownTest {
    @Test
    void aLineBreakBetweenChineseCharactersDisappears() {
        assertThat(text("堆不只是分配出来的那些内存块，\n在用的内存块之间\n和之后是空闲块。"))
                .contains("堆不只是分配出来的那些内存块，在用的内存块之间和之后是空闲块。");
    }

    @Test
    void aLineBreakNextToLatinTextOrCodeStays() {
        assertThat(text("one\ntwo")).contains("one\ntwo");
        assertThat(text("调用\n`HeapWalk` 之后")).contains("调用\n<code>HeapWalk</code>");
        assertThat(text("见 **空闲块**\n一节")).contains("</strong>一节");
    }

    @Test
    void aCodeBlockIsAWidePartThatKeepsItsLinesIndentationAndAlignment() {
        List<Markdown.Part> parts = Markdown.parts("Before.\n\n```\nif (p) {\n    x = 1;   // one\n}\n```\n\nAfter.");

        assertThat(parts).extracting(Markdown.Part::wide).containsExactly(false, true, false);
        Markdown.Part code = parts.get(1);
        assertThat(code.lines()).isTrue();
        assertThat(code.html()).doesNotContain("<pre>").contains("<div class=\"code\"><div>if&nbsp;(p)&nbsp;{</div>")
                .contains("<div>&nbsp;&nbsp;&nbsp;&nbsp;x&nbsp;=&nbsp;1;&nbsp;&nbsp;&nbsp;//&nbsp;one</div><div>}</div>");
        assertThat(Markdown.parts("```\n// 注释\n// 第二行\n```").get(0).html())
                .contains("<div>//&nbsp;注释</div><div>//&nbsp;第二行</div>");
    }

    @Test
    void aTableIsAWidePartWithBordersWhoseCellsMayWrap() {
        List<Markdown.Part> parts = Markdown.parts("| a | b |\n|---|---|\n| 1 | 2 |");

        assertThat(parts).hasSize(1);
        assertThat(parts.get(0).wide()).isTrue();
        assertThat(parts.get(0).lines()).isFalse();
        assertThat(parts.get(0).html()).contains("<table border=\"1\"");
    }

    /**
     * The instructions of sparse-cells, in both languages, in the kit the pane uses: every running-text part fits a
     * 340-pixel pane (no paragraph is cut at its edge); the diagrams are wide parts, which scroll on their own.
     */
    @ParameterizedTest
    @ValueSource(strings = {"instructions.md", "instructions_zh_CN.md"})
    void aNarrowPaneHoldsTheRunningTextOfTheInstructions(String file) throws Exception {
        Path md = Path.of("../../exercises/sparse-cells/src/main/resources/sparse-cells", file);
        Assumptions.assumeTrue(Files.isRegularFile(md));
        List<Markdown.Part> parts;
        try {
            parts = Markdown.parts(Files.readString(md));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(parts).as("the diagram is a part of its own").anyMatch(Markdown.Part::lines);
        float[] min = new float[1];
        SwingUtilities.invokeAndWait(() -> {
            for (Markdown.Part p : parts) {
                if (p.wide()) {
                    continue;
                }
                JEditorPane pane = new JEditorPane();
                pane.setEditorKit(new WrappingHtmlKit());
                pane.setText(Markdown.page(p.html(), Color.BLACK, Color.WHITE, Color.LIGHT_GRAY, 13));
                min[0] = Math.max(min[0], pane.getUI().getRootView(pane).getMinimumSpan(View.X_AXIS));
            }
        });
        assertThat(min[0]).as("the narrowest the widest text part can be").isLessThanOrEqualTo(340f);
    }

    private static String text(String markdown) {
        return Markdown.parts(markdown).stream().filter(p -> !p.wide()).map(Markdown.Part::html)
                .collect(Collectors.joining());
    }
}
