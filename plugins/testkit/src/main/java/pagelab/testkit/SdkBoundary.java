package pagelab.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Guards the SDK rule that exercises see only {@code pagelab.kernel} and {@code pagelab.exercise}, never the
 * simulator's internals ({@code pagelab.sim}): a checker that reached into them would break with the next
 * simulator and could not run on another kernel provider. Scans the constant pools of the plugin's class files
 * for references to the forbidden package.
 *
 * @since 0.1
 */
public final class SdkBoundary {
    private static final String FORBIDDEN = "pagelab/sim/";

    private SdkBoundary() {
    }

    /**
     * The plugin classes (next to {@code anchor}, in its jar or class folder) that refer to {@code pagelab.sim};
     * empty when the rule holds or the location cannot be read as a file.
     */
    public static List<String> violations(Class<?> anchor) throws IOException {
        Path location = PluginContents.location(anchor);
        return location == null ? List.of() : violations(location);
    }

    /** The class files in {@code location} (a class folder or a jar) that refer to {@code pagelab.sim}. */
    public static List<String> violations(Path location) throws IOException {
        return PluginContents.read(location).files().entrySet().stream()
                .filter(e -> e.getKey().endsWith(".class") && refersToSim(e.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    // Class names appear in the constant pool as modified UTF-8, which is plain ASCII for these names.
    private static boolean refersToSim(byte[] classFile) {
        return new String(classFile, StandardCharsets.ISO_8859_1).contains(FORBIDDEN);
    }
}
