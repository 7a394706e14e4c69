package pagelab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.grading.Grader;
import example.tiny.StubMachines;
import pagelab.app.plugins.TestPluginJars;

/**
 * The "refused work" finding of issue 22: a correct solution with one comment in GBK (what Notepad on a Chinese
 * Windows writes) or in windows-1252 is graded, and the report says which encoding was read; a file that is not text
 * is refused with exit code 8 and a reason, and left untouched.
 */
class SourceEncodingCliTest {
    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset CP1252 = Charset.forName("windows-1252");

    @TempDir
    static Path home;
    static Path plugin;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void buildPlugin() throws Exception {
        plugin = TestPluginJars.tinyPlugin(home.resolve("tiny.jar"));
        System.setProperty(Grader.MACHINES_PROPERTY, StubMachines.class.getName());
    }

    @AfterAll
    static void forgetStub() {
        System.clearProperty(Grader.MACHINES_PROPERTY);
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--plugins", plugin.toString()));
        all.addAll(List.of(args));
        int code = PageLabCli.run(new PrintWriter(out), new PrintWriter(err),
                Map.of("PAGELAB_HOME", home.resolve("data").toString()), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    static String correct(String comment) {
        return "public class Solution implements example.tiny.TinySolution {\n"
                + "    " + comment + "\n"
                + "    public int answer() { return 42; }\n}\n";
    }

    static Path solution(String name, byte[] bytes) throws IOException {
        Path dir = Files.createDirectories(home.resolve("solutions").resolve(name));
        Files.write(dir.resolve("Solution.java"), bytes);
        return dir;
    }

    @Test
    void aGbkSolutionIsGradedAndTheReportSaysItWasReadAsGbk() throws IOException {
        Path dir = solution("gbk", correct("// 答案：四十二，先保留再提交").getBytes(GBK));

        Run r = run("check", "tiny", dir.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("3/3 points").contains("Read Solution.java as GBK (it is not UTF-8)");
    }

    @Test
    void aWindows1252SolutionIsGradedAndTheJsonReportNamesItsEncoding() throws IOException {
        Path dir = solution("cp1252", correct("// café: réservé, déjà validé").getBytes(CP1252));

        Run text = run("check", "tiny", dir.toString());
        Run json = run("check", "tiny", dir.toString(), "--format", "json");

        assertThat(text.code()).as(text.err()).isEqualTo(ExitCodes.OK);
        assertThat(text.out()).contains("Read Solution.java as windows-1252");
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.get("sourceEncodings").get("Solution.java").asText()).isEqualTo("windows-1252");
        assertThat(report.get("sourcesSha256").asText()).isNotEmpty();
    }

    @Test
    void utf8SourcesGetNoEncodingLineButTheJsonStillSaysUtf8() throws IOException {
        Path dir = solution("utf8", correct("// café 答案").getBytes(StandardCharsets.UTF_8));

        Run text = run("check", "tiny", dir.toString());
        JsonNode json = new ObjectMapper().readTree(run("check", "tiny", dir.toString(), "--format", "json").out());

        assertThat(text.out()).doesNotContain("Read Solution.java");
        assertThat(json.get("sourceEncodings").get("Solution.java").asText()).isEqualTo("UTF-8");
    }

    @Test
    void aFileThatIsNotTextIsRefusedWithItsReasonAndLeftAsItIs() throws IOException {
        byte[] bytes = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 61, 1, 2, 3};
        Path dir = solution("binary", bytes);

        Run r = run("check", "tiny", dir.toString());

        assertThat(r.code()).isEqualTo(ExitCodes.IO_ERROR);
        assertThat(r.err()).contains("cannot read").contains("Solution.java").contains("not text")
                .doesNotContain("Input length");
        assertThat(dir.resolve("Solution.java")).hasBinaryContent(bytes);
    }

    @Test
    void gradeGradesEveryEncodingAndNamesTheFilesThatWereNotUtf8() throws IOException {
        Path klass = home.resolve("class");
        write(klass.resolve("alice/Solution.java"), correct("// 答案是四十二").getBytes(GBK));
        write(klass.resolve("bob/Solution.java"), correct("// Größe: zweiundvierzig").getBytes(CP1252));
        write(klass.resolve("carol/Solution.java"), correct("// plain").getBytes(StandardCharsets.UTF_8));
        Path csv = home.resolve("grades.csv");

        Run r = run("grade", "tiny", klass.toString(), "--out", csv.toString(), "--jobs", "1");

        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("read as GBK (not UTF-8): alice/Solution.java")
                .contains("read as windows-1252 (not UTF-8): bob/Solution.java").doesNotContain("carol/");
        assertThat(Files.readAllLines(csv)).filteredOn(l -> l.startsWith("alice") || l.startsWith("bob"))
                .hasSize(2).allSatisfy(l -> assertThat(l).contains(",3,3,100.0,graded"));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
