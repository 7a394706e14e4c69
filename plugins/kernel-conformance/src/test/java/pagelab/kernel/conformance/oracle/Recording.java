package pagelab.kernel.conformance.oracle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded oracle output: each script's {@code === NAME} followed by its lines, and {@code (crashed)} after the
 * lines of a script that crashed the implementation that was recorded (Wine 8 crashes on a few inputs).
 *
 * @param outputs each script's lines, by name
 * @param crashed the scripts that crashed the recorded implementation: nothing to compare with
 */
record Recording(Map<String, List<String>> outputs, List<String> crashed) {

    static Recording parse(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> crashed = new ArrayList<>();
        List<String> current = null;
        String name = null;
        for (String line : text.split("\n")) {
            String l = line.stripTrailing();
            if (l.startsWith("=== ")) {
                name = l.substring(4).strip();
                current = new ArrayList<>();
                out.put(name, current);
            } else if (l.equals("(crashed)") && name != null) {
                crashed.add(name);
                out.remove(name);
            } else if (current != null && !l.isEmpty()) {
                current.add(l);
            }
        }
        return new Recording(out, crashed);
    }
}
