package pagelab.kernel.conformance.oracle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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

    /** What a bundle's replay found. */
    record Result(int lines, List<Difference> differences, List<String> skipped) {
    }

    private Comparison() {
    }

    /** Replays {@code bundle} (a resource of this package's oracle folder) against its recording. */
    static Result replay(String bundle) {
        Map<String, Script> scripts = Script.parseBundle(resource("/oracle/" + bundle + ".scripts"));
        Recording recording = Recording.parse(resource("/oracle/wine/" + bundle + ".out"));
        List<Difference> differences = new ArrayList<>();
        int lines = 0;
        for (Script s : scripts.values()) {
            List<String> want = recording.outputs().get(s.name());
            if (want == null) {
                continue;
            }
            List<String> got = ScriptInterpreter.run(s);
            for (int i = 0; i < Math.max(got.size(), want.size()); i++) {
                lines++;
                String g = i < got.size() ? got.get(i) : "(no line)";
                String w = i < want.size() ? want.get(i) : "(no line)";
                if (!g.equals(w)) {
                    differences.add(new Difference(s.name(), w, g));
                }
            }
        }
        return new Result(lines, differences, recording.crashed());
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
