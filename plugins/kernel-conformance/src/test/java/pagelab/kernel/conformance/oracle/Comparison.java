package pagelab.kernel.conformance.oracle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * @param deviations the deviations applied: lines where the simulator was held to Windows' answer instead
     * @param stale      deviations of this bundle that matched no recorded line, or whose recorded line already
     *                   says what Windows says
     * @param ruleLines  for each rule of deviations.txt, how many lines of this bundle it held to Windows
     */
    record Result(int lines, List<Difference> differences, List<String> skipped, List<Deviations.Deviation> deviations,
                  List<Deviations.Deviation> stale, Map<String, Integer> ruleLines) {
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
        int lines = 0;
        for (Script s : scripts.values()) {
            List<String> want = recording.outputs().get(s.name());
            if (want == null) {
                continue;
            }
            ScriptInterpreter.Run run = ScriptInterpreter.runWithFacts(s);
            List<String> got = run.lines();
            for (int i = 0; i < Math.max(got.size(), want.size()); i++) {
                lines++;
                String g = i < got.size() ? got.get(i) : "(no line)";
                String w = i < want.size() ? want.get(i) : "(no line)";
                Deviations.Deviation d = deviations.find(bundle, s.name(), w);
                if (d != null && !d.windows().equals(w)) {
                    applied.add(d);
                    w = d.windows();
                } else if (d == null && !g.equals(w) && i < run.facts().size()) {
                    for (Deviations.Rule r : deviations.rules()) {
                        String windows = r.apply(w, run.facts().get(i));
                        if (windows != null && !windows.equals(w)) {
                            ruleLines.merge(r.name(), 1, Integer::sum);
                            w = r.windows().equals(Deviations.LAYOUT) ? g : windows;
                            break;
                        }
                    }
                }
                if (!g.equals(w)) {
                    differences.add(new Difference(s.name(), w, g));
                }
            }
        }
        List<Deviations.Deviation> stale = new ArrayList<>(deviations.all().stream()
                .filter(d -> d.bundle().equals(bundle)).toList());
        stale.removeAll(applied);
        return new Result(lines, differences, recording.crashed(), applied, stale, ruleLines);
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
