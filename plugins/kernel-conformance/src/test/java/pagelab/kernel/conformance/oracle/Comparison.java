package pagelab.kernel.conformance.oracle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Runs a bundle of scripts on the simulator and lists where its lines differ from a recording. */
final class Comparison {
    /** One line that differs: the recorded implementation's and the simulator's. */
    record Difference(String script, String recorded, String simulated) {
        @Override
        public String toString() {
            return script + "\n  wine: " + recorded + "\n  sim:  " + simulated;
        }
    }

    /**
     * What a bundle's replay found.
     *
     * @param scripts    how many scripts were replayed (those Wine crashed on have no recording and are not)
     * @param deviations the deviations applied: lines where the simulator was held to Windows' answer instead
     * @param stale      deviations of this bundle that matched no recorded line, or whose recorded line already
     *                   says what Windows says
     * @param ruleLines  for each rule of deviations.txt, how many lines of this bundle it held to Windows
     * @param cascades   for each cause (a rule or a deviation), how many later lines differ only because a register
     *                   or handle it bound holds another value on each side
     */
    record Result(int scripts, int lines, List<Difference> differences, List<String> skipped, List<Deviations.Deviation> deviations,
                  List<Deviations.Deviation> stale, Map<String, Integer> ruleLines, Map<String, Integer> cascades) {
    }

    private Comparison() {
    }

    /** Replays {@code bundle} (a resource of this package's oracle folder) against its recording. */
    static Result replay(String bundle) {
        Map<String, Script> scripts = Script.parseBundle(resource("/oracle/" + bundle + ".scripts"));
        Recording recording = Recording.parse(resource("/oracle/wine/" + bundle + ".out"));
        Deviations deviations = Deviations.load();
        List<Deviations.Deviation> applied = new ArrayList<>();
        List<Difference> differences = new ArrayList<>();
        Map<String, Integer> ruleLines = new LinkedHashMap<>();
        deviations.rules().forEach(r -> ruleLines.put(r.name(), 0));
        Map<String, Integer> cascades = new LinkedHashMap<>();
        int lines = 0;
        int replayed = 0;
        for (Script s : scripts.values()) {
            List<String> want = recording.outputs().get(s.name());
            if (want == null) {
                continue;
            }
            replayed++;
            ScriptInterpreter.Run run = ScriptInterpreter.runWithFacts(s);
            List<String> got = run.lines();
            // A register or handle bound by a line that differs from Wine's, for a reason listed in deviations.txt:
            // it holds another value on each side, so what later lines do with it may differ for that reason alone.
            Map<String, String> tainted = new LinkedHashMap<>();
            for (int i = 0; i < Math.max(got.size(), want.size()); i++) {
                lines++;
                String g = i < got.size() ? got.get(i) : "(no line)";
                String w = i < want.size() ? want.get(i) : "(no line)";
                String cause = null;
                Deviations.Deviation d = deviations.find(bundle, s.name(), w);
                if (d != null && !d.windows().equals(w)) {
                    applied.add(d);
                    cause = "deviation " + s.name() + " " + w.substring(0, w.indexOf(' '));
                    w = Deviations.TAKES_SIMULATOR.contains(d.windows()) ? g : d.windows();
                } else if (d == null && !g.equals(w) && i < run.facts().size()) {
                    for (Deviations.Rule r : deviations.rules()) {
                        String windows = r.apply(w, run.facts().get(i));
                        if (windows != null && !windows.equals(w) && r.accepts(w, g)) {
                            ruleLines.merge(r.name(), 1, Integer::sum);
                            cause = "rule " + r.name();
                            w = Deviations.TAKES_SIMULATOR.contains(r.windows()) ? g : windows;
                            break;
                        }
                    }
                }
                Script.Line line = i < s.lines().size() ? s.lines().get(i) : null;
                if (!g.equals(w) && line != null) { // still differs, after Windows' answer replaced Wine's
                    // The call names the register, or either output names an address by it.
                    String from = Stream.concat(line.tokens().stream().skip(1),
                                    Stream.concat(Stream.of(g.split("[ =]")), Stream.of(w.split("[ =]"))))
                            .map(Comparison::register).filter(tainted::containsKey).findFirst().orElse(null);
                    if (from != null) {
                        cause = cause == null ? tainted.get(from) : cause;
                        cascades.merge(tainted.get(from), 1, Integer::sum);
                        w = g;
                    }
                }
                if (!g.equals(w)) {
                    differences.add(new Difference(s.name(), w, g));
                }
                String recorded = i < want.size() ? returned(want.get(i)) : "";
                if (line != null && line.target() != null && cause != null && !returned(g).equals(recorded)) {
                    tainted.put(line.target(), cause);
                }
            }
        }
        List<Deviations.Deviation> stale = new ArrayList<>(deviations.all().stream()
                .filter(d -> d.bundle().equals(bundle)).toList());
        stale.removeAll(applied);
        return new Result(replayed, lines, differences, recording.crashed(), applied, stale, ruleLines, cascades);
    }

    /** The register or handle an argument names ({@code r2} of {@code r2+0x1000}), or the argument itself. */
    static String register(String token) {
        Matcher m = Pattern.compile("^([rh]\\d+)([+-].*)?$").matcher(token);
        return m.matches() ? m.group(1) : token;
    }

    /** What a line says a call returned ({@code ret=...}), or the whole line if it says no {@code ret=}. */
    private static String returned(String line) {
        int at = line.indexOf(" ret=");
        if (at < 0) {
            return line;
        }
        int end = line.indexOf(' ', at + 1);
        return line.substring(at + 1, end < 0 ? line.length() : end);
    }

    static String resource(String name) {
        try (InputStream in = Comparison.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
