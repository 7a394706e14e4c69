package pagelab.solutions;

import static org.assertj.core.api.Assertions.assertThat;

import example.exercise.Sheet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The policy on real javac output: what an honest solution writes passes, and each way out of the sandbox is
 * refused with the call and its line. The hostile submissions of the grading runner's suite cover the same
 * families end to end; these pin the rules themselves.
 */
class SolutionPolicyTest {
    static final StudentApi API = StudentApi.of(Sheet.class);

    static List<PolicyViolation> check(String body) {
        String source = "import java.util.*;\nimport java.util.function.*;\nimport example.exercise.*;\n"
                + "public class Solution implements Sheet {\n"
                + "    public Cell cell(int row) { return new Cell(row, String.valueOf(row)); }\n"
                + body + "\n}\n";
        return SolutionPolicy.standard().check(Compiled.compile("Solution.java", source), API);
    }

    @Test
    void studentFacingTypesAreTheInterfaceAndWhatItNames() {
        assertThat(API.types()).containsExactlyInAnyOrder("example.exercise.Sheet", "example.exercise.Cell");
    }

    @Test
    void anOrdinarySolutionPasses() {
        assertThat(check("""
                    record Pair(int a, String b) { }
                    enum Colour { RED, GREEN }
                    private final Map<Integer, List<String>> rows = new TreeMap<>();
                    int work(Colour c, Object o) throws Exception {
                        assert rows != null;
                        Function<Integer, String> f = i -> "row " + i + c;
                        Supplier<List<String>> s = ArrayList::new;
                        rows.computeIfAbsent(1, k -> s.get()).add(f.apply(1));
                        int n = switch (c) { case RED -> 1; case GREEN -> 2; };
                        switch ("x" + n) { case "x1": n++; break; default: n--; }
                        try (var out = new java.io.StringWriter(); var p = new java.io.PrintWriter(out)) {
                            p.printf("%d %s%n", n, new Pair(n, "b"));
                        }
                        Thread t = new Thread(() -> System.out.println(Thread.currentThread().getName()), "w");
                        t.start();
                        t.join();
                        StringBuilder b = new StringBuilder();
                        Arrays.stream(new int[] {1, 2}).map(Math::abs).forEach(b::append);
                        System.err.println(b + " " + System.nanoTime() + o.getClass().getSimpleName());
                        java.util.concurrent.atomic.AtomicInteger a = new java.util.concurrent.atomic.AtomicInteger();
                        return a.incrementAndGet() + new java.math.BigInteger("12").intValue() + Sheet.ROWS;
                    }
                """)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            System.exit(3);                                        | System.exit(int)               | must return
            Runtime.getRuntime().halt(4);                          | Runtime.halt(int)              | must return
            System.setOut(null);                                   | System.setOut(PrintStream)     | replace System.out
            System.getenv("HOME");                                 | System.getenv(String)          | environment
            System.loadLibrary("evil");                            | System.loadLibrary(String)     | native code
            new ProcessBuilder("sh").start();                      | java.lang.ProcessBuilder       | start processes
            Runtime.getRuntime().exec("sh");                       | Runtime.exec(String)           | start processes
            ProcessHandle.current().parent();                      | ProcessHandle.current()        | processes
            Class.forName("pagelab.sim.SimMachine");               | Class.forName(String)          | reflection
            getClass().getDeclaredFields();                        | Class.getDeclaredFields()      | reflection
            getClass().getClassLoader();                           | Class.getClassLoader()         | reflection
            getClass().getResourceAsStream("/x");                  | Class.getResourceAsStream(String) | reflection
            Thread.currentThread().getContextClassLoader();        | Thread.getContextClassLoader() | class loading
            Thread.getAllStackTraces();                            | Thread.getAllStackTraces()     | threads it did not start
            new java.io.File("/etc/passwd").delete();              | java.io.File                   | host's files
            new java.io.FileOutputStream(java.io.FileDescriptor.out); | java.io.FileOutputStream    | host's files
            java.nio.file.Files.readString(null);                  | Files.readString(Path)         | host's files
            new java.io.PrintStream("grades.csv");                 | new PrintStream(String)        | write files
            new java.util.Formatter("grades.csv");                 | new Formatter(String)          | write files
            new java.net.Socket("localhost", 80);                  | java.net.Socket                | network
            java.lang.invoke.MethodHandles.lookup();               | MethodHandles.lookup()         | reflection
            java.util.ServiceLoader.load(Runnable.class);          | ServiceLoader.load(Class)      | class loading
            java.util.logging.Logger.getGlobal();                  | Logger.getGlobal()             | not on the list
            new java.lang.ref.WeakReference<>(this);               | java.lang.ref.WeakReference    | after the check
            System.out.println(example.exercise.SheetChecks.answer()); | SheetChecks.answer()       | exercise's checker
            System.out.println(example.exercise.SheetChecks.secret);   | SheetChecks.secret         | exercise's checker
            java.util.concurrent.atomic.AtomicIntegerFieldUpdater.newUpdater(Solution.class, "x"); | AtomicIntegerFieldUpdater.newUpdater(Class, String) | reflection
            """)
    void eachWayOutIsRefusedWithTheCallAndItsLine(String statement, String what, String reason) {
        List<PolicyViolation> v = check("    void attack() throws Exception {\n        " + statement + "\n    }");
        assertThat(v).as(statement).isNotEmpty();
        assertThat(v).as(statement).anySatisfy(x -> {
            assertThat(x.what()).isEqualTo(what);
            assertThat(x.reason()).contains(reason);
            assertThat(x.sourceFile()).isEqualTo("Solution.java");
            assertThat(x.line()).isEqualTo(7);
        });
    }

    @Test
    void aMethodReferenceIsJudgedLikeTheCallItStandsFor() {
        List<PolicyViolation> v = check("    java.util.function.IntConsumer quit = System::exit;");
        assertThat(v).extracting(PolicyViolation::what).contains("System.exit(int)");
    }

    @Test
    void anInheritedMemberIsJudgedWhereItIsDeclared() {
        List<PolicyViolation> v = check("""
                    static class Worker extends Thread {
                        ClassLoader steal() { return getContextClassLoader(); }
                    }
                """);
        assertThat(v).extracting(PolicyViolation::what).contains("Solution.Worker.getContextClassLoader()");
        assertThat(v).anySatisfy(x -> assertThat(x.reason()).contains("class loading"));
    }

    @Test
    void finalizersNativeMethodsAndReservedPackagesAreRefused() {
        assertThat(check("    @SuppressWarnings(\"removal\") protected void finalize() { }"))
                .anySatisfy(x -> assertThat(x.what()).isEqualTo("a finalize() method"));
        assertThat(check("    native void poke();"))
                .anySatisfy(x -> assertThat(x.what()).isEqualTo("native method poke"));
        List<PolicyViolation> v = SolutionPolicy.standard().check(Compiled.compile("Sneaky.java",
                "package pagelab.exercise;\npublic class Sneaky { }\n"), API);
        assertThat(v).anySatisfy(x -> assertThat(x.what()).isEqualTo("package pagelab.exercise"));
    }

    @Test
    void bytesThatAreNotAClassAreRefused() {
        List<PolicyViolation> v = SolutionPolicy.standard().check(Map.of("Solution", new byte[] {1, 2, 3}), API);
        assertThat(v).singleElement().satisfies(x -> assertThat(x.reason()).contains("not a class file"));
    }

    @Test
    void manyViolationsAreSummedUp() {
        StringBuilder body = new StringBuilder("    void attack() {\n");
        for (int i = 0; i < 40; i++) {
            body.append("        System.exit(").append(i).append(");\n");
        }
        List<PolicyViolation> v = check(body.append("    }").toString());
        assertThat(v).hasSize(SolutionPolicy.MAX_VIOLATIONS + 1);
        assertThat(v.get(v.size() - 1).what()).isEqualTo("10 more uses");
    }

    @Test
    void messagesReadLikeCompileErrors() {
        PolicyViolation v = check("    void quit() {\n        System.exit(0);\n    }").get(0);
        assertThat(v).hasToString("Solution.java:7: System.exit(int) is not allowed: a solution must return its "
                + "result; System.exit would end the grading JVM");
    }

    @Test
    void malformedRulesNameTheirLine() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PolicyRules.parse("allow a.*\nforbid b.*\n"))
                .hasMessageContaining("line 2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PolicyRules.parse("deny a.*\n"))
                .hasMessageContaining("needs a reason");
    }
}
