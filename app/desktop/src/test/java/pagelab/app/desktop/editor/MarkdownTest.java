package pagelab.app.desktop.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Instructions as JEditorPane gets them: tables with borders, and wrapped Chinese prose without stray spaces. */
class MarkdownTest {
    @Test
    void aLineBreakBetweenChineseCharactersDisappears() {
        String html = Markdown.toHtml("堆不只是分配出来的那些内存块，\n在用的内存块之间\n和之后是空闲块。");
        assertThat(html).contains("堆不只是分配出来的那些内存块，在用的内存块之间和之后是空闲块。");
    }

    @Test
    void aLineBreakNextToLatinTextOrCodeStays() {
        assertThat(Markdown.toHtml("one\ntwo")).contains("one\ntwo");
        assertThat(Markdown.toHtml("调用\n`HeapWalk` 之后")).contains("调用\n<code>HeapWalk</code>");
        assertThat(Markdown.toHtml("见 **空闲块**\n一节")).contains("</strong>一节");
    }

    @Test
    void codeBlocksKeepTheirLines() {
        assertThat(Markdown.toHtml("```\n// 注释\n// 第二行\n```")).contains("<div>// 注释</div><div>// 第二行</div>");
    }

    @Test
    void codeBlocksWrapAtSingleSpacesButKeepIndentationAndAlignment() {
        String html = Markdown.toHtml("```\nif (p) {\n    x = 1;   // one\n}\n```");
        assertThat(html).doesNotContain("<pre>")
                .contains("<div class=\"code\"><div>if (p) {</div>")
                // four spaces of indentation kept; three before the comment keep their width and may break there
                .contains("<div>&nbsp;&nbsp;&nbsp;&nbsp;x = 1;&nbsp; &nbsp;// one</div><div>}</div></div>");
    }

    /**
     * The instructions of sparse-cells, in both languages, in the kit the pane uses: a 340-pixel pane holds them
     * (the page is never wider than that, so no paragraph is cut at its edge), however wide its diagram is.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"instructions.md", "instructions_zh_CN.md"})
    void aNarrowPaneHoldsTheInstructions(String file) throws Exception {
        java.nio.file.Path md = java.nio.file.Path.of("../../exercises/sparse-cells/src/main/resources/sparse-cells",
                file);
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isRegularFile(md));
        float[] min = new float[1];
        javax.swing.SwingUtilities.invokeAndWait(() -> {
            javax.swing.JEditorPane pane = new javax.swing.JEditorPane();
            pane.setEditorKit(new WrappingHtmlKit());
            try {
                pane.setText(Markdown.document(java.nio.file.Files.readString(md), java.awt.Color.BLACK,
                        java.awt.Color.WHITE, java.awt.Color.LIGHT_GRAY, 13));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            min[0] = pane.getUI().getRootView(pane).getMinimumSpan(javax.swing.text.View.X_AXIS);
        });
        assertThat(min[0]).as("the narrowest the page can be").isLessThanOrEqualTo(340f);
    }

    @Test
    void tablesGetBorders() {
        assertThat(Markdown.toHtml("| a | b |\n|---|---|\n| 1 | 2 |")).contains("<table border=\"1\"");
    }
}
