package pagelab.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

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
        Path location = location(anchor);
        return location == null ? List.of() : violations(location);
    }

    /** The class files in {@code location} (a class folder or a jar) that refer to {@code pagelab.sim}. */
    public static List<String> violations(Path location) throws IOException {
        return Files.isDirectory(location) ? scanFolder(location) : scanJar(location);
    }

    private static Path location(Class<?> anchor) {
        CodeSource cs = anchor.getProtectionDomain().getCodeSource();
        try {
            return cs == null || cs.getLocation() == null ? null : Path.of(cs.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> scanFolder(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".class")).toList()) {
                if (refersToSim(Files.readAllBytes(p))) {
                    out.add(root.relativize(p).toString());
                }
            }
        }
        return out;
    }

    private static List<String> scanJar(Path jar) throws IOException {
        List<String> out = new ArrayList<>();
        try (JarFile f = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = f.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.getName().endsWith(".class")) {
                    try (InputStream in = f.getInputStream(e)) {
                        if (refersToSim(in.readAllBytes())) {
                            out.add(e.getName());
                        }
                    }
                }
            }
        }
        return out;
    }

    // Class names appear in the constant pool as modified UTF-8, which is plain ASCII for these names.
    private static boolean refersToSim(byte[] classFile) {
        return new String(classFile, StandardCharsets.ISO_8859_1).contains(FORBIDDEN);
    }
}
