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
        assertThat(Markdown.toHtml("```\n// 注释\n// 第二行\n```")).contains("// 注释<br>// 第二行");
    }

    @Test
    void codeBlocksWrapAtSingleSpacesButKeepIndentationAndAlignment() {
        String html = Markdown.toHtml("```\nif (p) {\n    x = 1;   // one\n}\n```");
        assertThat(html).doesNotContain("<pre>")
                .contains("<div class=\"code\">if (p) {<br>")
                // four spaces of indentation kept; three before the comment keep their width and may break once
                .contains("<br>&nbsp;&nbsp;&nbsp;&nbsp;x = 1;&nbsp;&nbsp; // one<br>}</div>");
    }

    @Test
    void tablesGetBorders() {
        assertThat(Markdown.toHtml("| a | b |\n|---|---|\n| 1 | 2 |")).contains("<table border=\"1\"");
    }
}
