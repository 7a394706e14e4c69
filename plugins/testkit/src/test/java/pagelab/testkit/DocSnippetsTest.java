package pagelab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocSnippetsTest {
    @TempDir
    Path root;

    private void write(String name, String text) throws Exception {
        Files.writeString(root.resolve(name), text);
    }

    @Test
    void aRegionDropsNestedTagsAndCommonIndentation() throws Exception {
        write("A.java", "class A {\n    // tag::m[]\n    void m() {\n        // tag::x[]\n        int x;\n"
                + "        // end::x[]\n    }\n    // end::m[]\n}\n");

        assertThat(DocSnippets.region(root.resolve("A.java"), "m")).isEqualTo("void m() {\n    int x;\n}\n");
    }

    @Test
    void aStaleFenceIsReportedAndUpdateRefreshesIt() throws Exception {
        write("A.java", "// tag::t[]\nint a = 1;\n// end::t[]\n");
        write("doc.md", "Intro\n<!-- snippet: A.java#t -->\n```java\nint a = 0;\n```\nEnd\n");

        assertThat(DocSnippets.mismatches(root.resolve("doc.md"), root)).hasSize(1);
        assertThat(DocSnippets.update(root.resolve("doc.md"), root))
                .isEqualTo("Intro\n<!-- snippet: A.java#t -->\n```java\nint a = 1;\n```\nEnd\n");
    }

    @Test
    void aMissingTagIsReportedNotThrown() throws Exception {
        write("A.java", "int a;\n");
        write("doc.md", "<!-- snippet: A.java#nope -->\n```java\n```\n");

        assertThat(DocSnippets.mismatches(root.resolve("doc.md"), root))
                .singleElement().asString().contains("has no tag::nope[]");
    }
}
