package pagelab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.grading.Shard;
import pagelab.exercises.sparsecells.SparseCells;

/**
 * A class of six sparse-cells submissions (the reference and known-wrong solutions, one folder empty) graded in one
 * run and in three shards: merged, the shards' gradebooks are the single run's, byte for byte. Also what the
 * gradebook shows people: a byte-order mark for Excel, notes without the grader's paths, mode 0600 when private.
 */
class ShardedGradingTest {
    @TempDir
    static Path home;
    static Path plugin;
    static Path klass;

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void makeTheClass() throws Exception {
        plugin = SparseCellsPlugin.jar(home.resolve("sparse-cells.jar"));
        klass = home.resolve("class");
        SparseCells ex = new SparseCells();
        SparseCellsPlugin.write(klass.resolve("ada"), ex.reference());
        SparseCellsPlugin.write(klass.resolve("Zoë"), ex.reference());
        SparseCellsPlugin.write(klass.resolve("bob"), ex.knownWrong().get(0).sources());
        SparseCellsPlugin.write(klass.resolve("cy"), ex.knownWrong().get(1).sources());
        SparseCellsPlugin.write(klass.resolve("eve"), ex.knownWrong().get(2).sources());
        Files.createDirectories(klass.resolve("dee"));
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--plugins", plugin.toString()));
        all.addAll(List.of(args));
        int code = PageLabCli.run(new PrintWriter(out), new PrintWriter(err), Map.of("PAGELAB_HOME",
                home.resolve("data").toString()), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void threeShardsMergedEqualOneRun() throws IOException {
        Path whole = home.resolve("whole.csv");
        Run one = run("grade", "sparse-cells", klass.toString(), "--out", whole.toString(), "--jobs", "2");
        assertThat(one.code()).as(one.out() + one.err()).isEqualTo(ExitCodes.OK);
        List<String> shards = new ArrayList<>();
        int graded = 0;
        for (int i = 1; i <= 3; i++) {
            Path csv = home.resolve("shard-" + i + ".csv");
            Run r = run("grade", "sparse-cells", klass.toString(), "--out", csv.toString(), "--jobs", "2",
                    "--shard", i + "/3");
            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
            assertThat(r.out()).contains("shard " + i + "/3");
            graded += Files.readAllLines(csv).size() - 1;
            shards.add(csv.toString());
        }
        assertThat(graded).isEqualTo(6);
        Path merged = home.resolve("merged.csv");
        List<String> args = new ArrayList<>(List.of("merge-grades"));
        args.addAll(shards);
        args.addAll(List.of("--out", merged.toString()));
        Run m = run(args.toArray(String[]::new));
        assertThat(m.code()).as(m.out() + m.err()).isEqualTo(ExitCodes.OK);
        assertThat(m.out()).contains("6 students");
        assertThat(Files.readString(merged)).isEqualTo(Files.readString(whole));

        Run twice = run("merge-grades", shards.get(0), whole.toString(), "--out", home.resolve("x.csv").toString());
        assertThat(twice.code()).isEqualTo(ExitCodes.MISMATCH);
        assertThat(twice.err()).contains(" is in ", "and in ");
        Path otherBuild = home.resolve("other-build.csv");
        String text = Files.readString(whole);
        String hash = text.lines().skip(1).findFirst().orElseThrow().split(",")[17];
        Files.writeString(otherBuild, text.replace(hash, "0".repeat(64)));
        Run build = run("merge-grades", otherBuild.toString(), home.resolve("none.csv").toString(), "--out",
                home.resolve("y.csv").toString());
        assertThat(build.code()).isEqualTo(ExitCodes.NOT_FOUND);
        Path one1 = home.resolve("only-ada.csv");
        Files.writeString(one1, text.lines().limit(2).map(l -> l + "\r\n").reduce("", String::concat));
        Path rest = home.resolve("rest.csv");
        Files.writeString(rest, Files.readString(otherBuild).lines().filter(l -> !l.startsWith("ada,"))
                .map(l -> l + "\r\n").reduce("", String::concat));
        Run mismatch = run("merge-grades", one1.toString(), rest.toString(), "--out", home.resolve("z.csv")
                .toString());
        assertThat(mismatch.code()).isEqualTo(ExitCodes.MISMATCH);
        assertThat(mismatch.err()).contains("another build of the plugin");
    }

    @Test
    void shardsAreDeterministicAndDoNotMoveWhenTheClassGrows() {
        List<String> names = List.of("ada", "bob", "cy", "dee", "eve", "Zoë");
        for (String n : names) {
            int slice = Shard.slice(n, 3);
            assertThat(slice).isBetween(1, 3).isEqualTo(Shard.slice(n, 3));
            assertThat(new Shard(slice, 3).contains(n)).isTrue();
        }
        assertThat(Shard.parse("2/8")).isEqualTo(new Shard(2, 8));
        assertThat(run("grade", "sparse-cells", klass.toString(), "--out", home.resolve("q.csv").toString(),
                "--shard", "4/3").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void gradebookForPeopleHasABomForExcelRelativeNotesAndIsPrivateWhenAsked() throws IOException {
        Path csv = home.resolve("excel.csv");
        Run r = run("grade", "sparse-cells", klass.toString(), "--out", csv.toString(), "--jobs", "2", "--excel",
                "--private");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(ExitCodes.OK);
        byte[] bytes = Files.readAllBytes(csv);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\nZoë,").doesNotContain(klass.toString()).doesNotContain(home.toString());
        assertThat(text.lines().filter(l -> l.startsWith("dee,")).findFirst().orElseThrow())
                .endsWith(",no .java files in dee");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(csv))).isEqualTo("rw-------");
    }
}
