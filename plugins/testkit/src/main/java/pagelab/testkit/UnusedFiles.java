package pagelab.testkit;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pagelab.exercise.Exercise;
import pagelab.exercise.ResourceExercise;

/**
 * The files of a plugin that none of its exercises use: classes that no exercise class reaches through the
 * references in the class files, and resources that no exercise reads. A build that was not cleaned leaves such
 * files behind (a renamed class, the copies of an older layout, the archetype's sample exercise), and they ship.
 */
final class UnusedFiles {
    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([\\w/$]+);");

    private UnusedFiles() {
    }

    /**
     * The unused files of the plugin that holds {@code exercise}, by path inside it; null when they cannot be
     * judged: the exercise is not in a plugin (a test's class folder), or an exercise of the plugin is no
     * {@link ResourceExercise}, so nothing says which resources it reads.
     */
    static List<String> of(Exercise exercise) throws IOException {
        Path location = PluginContents.location(exercise.getClass());
        PluginContents plugin = location == null ? null : PluginContents.read(location);
        if (plugin == null || !plugin.isPlugin()) {
            return null;
        }
        List<String> roots = extensions(plugin, exercise);
        Set<String> resources = new HashSet<>();
        for (String name : roots) {
            if (!(instance(exercise, name) instanceof ResourceExercise r)) {
                return null;
            }
            resources.addAll(r.resources());
        }
        return unused(plugin, roots, resources);
    }

    /**
     * The files of {@code plugin} that are neither a class the {@code roots} (class names) reach nor one of the
     * {@code resources}; the descriptors ({@code META-INF/}, {@code plugin.properties}) are always used.
     */
    static List<String> unused(PluginContents plugin, List<String> roots, Set<String> resources) throws IOException {
        Set<String> used = reachableClasses(plugin, roots);
        used.addAll(resources);
        List<String> unused = new ArrayList<>();
        for (String path : plugin.files().keySet()) {
            if (!used.contains(path) && !path.startsWith("META-INF/") && !path.equals("plugin.properties")
                    && !path.endsWith("package-info.class") && !path.equals("module-info.class")) {
                unused.add(path);
            }
        }
        return unused;
    }

    // The plugin's extensions as PF4J's index lists them; the exercise itself when there is no index.
    private static List<String> extensions(PluginContents plugin, Exercise exercise) {
        byte[] index = plugin.files().get("META-INF/extensions.idx");
        List<String> out = new ArrayList<>();
        if (index != null) {
            new String(index, StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(out::add);
        }
        if (!out.contains(exercise.getClass().getName())) {
            out.add(exercise.getClass().getName());
        }
        return out;
    }

    // Another extension of the same plugin, made as the host makes it; null if it is no exercise.
    private static Object instance(Exercise exercise, String name) {
        if (name.equals(exercise.getClass().getName())) {
            return exercise;
        }
        try {
            Class<?> c = Class.forName(name, true, exercise.getClass().getClassLoader());
            return Exercise.class.isAssignableFrom(c) ? c.getConstructor().newInstance() : null;
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("extension " + name + " cannot be made: " + e, e);
        }
    }

    /** The class files of the plugin that the roots reach, following the classes each one's constant pool names. */
    private static Set<String> reachableClasses(PluginContents plugin, List<String> roots) throws IOException {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        roots.forEach(r -> todo.add(r.replace('.', '/') + ".class"));
        while (!todo.isEmpty()) {
            String path = todo.pop();
            byte[] bytes = plugin.files().get(path);
            if (bytes == null || !seen.add(path)) {
                continue;
            }
            for (String name : referencedClasses(bytes)) {
                todo.add(name + ".class");
            }
        }
        return seen;
    }

    /**
     * The internal names ({@code a/b/C}) a class file refers to: its {@code CONSTANT_Class} entries (superclasses,
     * {@code X.class} literals, nested classes, calls) and the class names in its descriptors and signatures.
     */
    static Set<String> referencedClasses(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        in.skipBytes(8); // magic, minor and major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classes = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classes.add(in.readUnsignedShort());
                case 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++; // a long or double takes two entries
                }
                default -> throw new IOException("not a class file: constant pool tag " + tag);
            }
        }
        Set<String> out = new HashSet<>();
        for (int c : classes) {
            String name = utf8[c];
            if (name != null) {
                out.add(name.replaceFirst("^\\[+L?", "").replaceFirst(";$", ""));
            }
        }
        for (String s : utf8) {
            if (s != null) {
                Matcher m = DESCRIPTOR_CLASS.matcher(s);
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }
}
