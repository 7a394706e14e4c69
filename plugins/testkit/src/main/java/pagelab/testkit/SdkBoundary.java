package pagelab.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;

/**
 * Guards the SDK rule that exercises see only {@code pagelab.kernel} and {@code pagelab.exercise}, never the
 * simulator's internals ({@code pagelab.sim}): a checker that reached into them would break with the next
 * simulator and could not run on another kernel provider. Scans the constant pools of the plugin's class files
 * for references to the forbidden package.
 *
 * <p>It also guards the rule that a plugin's code uses nothing of the JDK but {@code java.base}: grading children
 * run on PageLab's runtime image, which holds {@code java.base} and the kernel's modules only, so a checker that
 * used, say, {@code java.util.logging} would pass its tests and then fail in every graded run
 * ({@link #outsideJavaBase(Path)}).
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

    /**
     * What the class files in {@code location} (a class folder or a jar) use of the JDK outside {@code java.base},
     * one line each: {@code "p/Checks.class uses java.util.logging.Logger (java.logging)"}. A file that is not a
     * readable class file is skipped.
     *
     * @since 0.1.4
     */
    public static List<String> outsideJavaBase(Path location) throws IOException {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : PluginContents.read(location).files().entrySet()) {
            if (!e.getKey().endsWith(".class")) {
                continue;
            }
            Set<String> names;
            try {
                names = classNames(e.getValue());
            } catch (RuntimeException notAClassFile) {
                continue;
            }
            for (String name : names) {
                String module = jdkModule(name);
                if (module != null && !module.equals("java.base")) {
                    found.add(e.getKey() + " uses " + name.replace('/', '.') + " (" + module + ")");
                }
            }
        }
        return found;
    }

    private static final int CONSTANT_UTF8 = 1;
    private static final int CONSTANT_CLASS = 7;
    /** A class in a descriptor or signature: {@code Ljava/util/logging/Logger;}. */
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([A-Za-z_$][\\w$]*(?:/[\\w$]+)+)[;<]");

    /**
     * Every class a class file names in its constant pool: the classes it uses (class entries) and the types in
     * its descriptors and signatures (the UTF-8 entries they are written in).
     */
    private static Set<String> classNames(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        Set<String> names = new TreeSet<>();
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0) {
                continue; // the second slot of a long or a double
            }
            int tag = reader.readByte(offset - 1);
            if (tag == CONSTANT_CLASS) {
                String name = reader.readClass(offset, buffer);
                Matcher m = DESCRIPTOR_CLASS.matcher(name + ";");
                names.add(name.startsWith("[") ? (m.find() ? m.group(1) : name) : name);
            } else if (tag == CONSTANT_UTF8) {
                // modified UTF-8, ASCII for the class names looked for
                String text = new String(classFile, offset + 2, reader.readUnsignedShort(offset),
                        StandardCharsets.ISO_8859_1);
                Matcher m = DESCRIPTOR_CLASS.matcher(text);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    /** The JDK module of the package of {@code internalName}, or null when it is not one of the JDK's. */
    private static String jdkModule(String internalName) {
        int slash = internalName.lastIndexOf('/');
        return slash < 0 ? null : JdkPackages.MODULES.get(internalName.substring(0, slash).replace('/', '.'));
    }

    /** Every package of the JDK's modules in this JVM, with its module's name. */
    private static final class JdkPackages {
        static final Map<String, String> MODULES = new HashMap<>();

        static {
            for (Module m : ModuleLayer.boot().modules()) {
                String name = m.getName();
                if (name.startsWith("java.") || name.startsWith("jdk.")) {
                    for (String pkg : m.getPackages()) {
                        MODULES.put(pkg, name);
                    }
                }
            }
        }
    }

    // Class names appear in the constant pool as modified UTF-8, which is plain ASCII for these names.
    private static boolean refersToSim(byte[] classFile) {
        return new String(classFile, StandardCharsets.ISO_8859_1).contains(FORBIDDEN);
    }
}
