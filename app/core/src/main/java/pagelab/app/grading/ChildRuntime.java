package pagelab.app.grading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import pagelab.app.plugins.PluginFiles;

/**
 * The Java runtime a grading child runs on: PageLab's own runtime image where the distribution has one, else the
 * host's JDK.
 *
 * <p>The image ({@code child-runtime/} beside the distribution's {@code lib/}, made by {@code jlink} when the
 * distribution is built) holds {@code java.base} and the kernel's two modules as its system modules, and nothing
 * else of the JDK. A child then needs no {@code --module-path}: with one, the JVM resolves the whole JDK's module
 * graph at every boot (about 35 ms of CPU, an eighth of a child's life); and no module a solution must not have
 * ({@code jdk.unsupported}, {@code java.compiler}, {@code jdk.attach}...) is even there. The host's JDK, with the
 * kernel's modules on the module path, is the same contract at a higher price, and what runs wherever there is no
 * image (a development build, the platform-neutral release archive).
 *
 * <p>An image is only used when it was linked from the very module jars this host has ({@code
 * pagelab-child-runtime.properties} records their SHA-256): an image left behind by an older build would grade
 * with an older simulator.
 */
record ChildRuntime(Path home, boolean image, String note) {
    /** Where the image is; set by the launcher. Empty or {@code none}: do not use one. */
    static final String PROPERTY = "pagelab.child.runtime";
    /** The image's record of what it was linked from. */
    static final String MANIFEST = "pagelab-child-runtime.properties";
    /** The image's folder, beside the distribution's {@code lib/}. */
    static final String FOLDER = "child-runtime";
    /** The kernel's modules, in the order of {@link ChildLaunch#modulePath()}. */
    static final List<String> MODULES = List.of("pagelab.kernel", "pagelab.sim");

    private static final class Current {
        static final ChildRuntime VALUE = find(System.getProperty(PROPERTY), ChildLaunch.modulePath());
    }

    /** This host's runtime for children, worked out once. */
    static ChildRuntime current() {
        return Current.VALUE;
    }

    /**
     * The image at {@code configured} (or, when that is null, beside the jar of the kernel's API), when it is one and
     * was linked from {@code modules}; otherwise the host's JDK, with the reason in {@link #note()}.
     */
    static ChildRuntime find(String configured, List<Path> modules) {
        Path home;
        if (configured != null) {
            if (configured.isBlank() || configured.equals("none")) {
                return host("no runtime image (" + PROPERTY + " is '" + configured + "')");
            }
            home = Path.of(configured);
        } else {
            home = besideLib(modules);
            if (home == null || !Files.isDirectory(home)) {
                return host("no runtime image beside " + modules.get(0).toAbsolutePath().getParent());
            }
        }
        String refused = refusal(home, modules);
        return refused == null ? new ChildRuntime(home.toAbsolutePath(), true, "runtime image " + home.toAbsolutePath())
                : host("runtime image " + home + " not used: " + refused);
    }

    /** Where an installation keeps the image: {@value #FOLDER} beside the folder of the kernel's jars. */
    static Path besideLib(List<Path> modules) {
        Path lib = modules.get(0).toAbsolutePath().getParent();
        return lib == null || lib.getParent() == null ? null : lib.getParent().resolve(FOLDER);
    }

    /** Why the image at {@code home} cannot serve children with {@code modules}, or null when it can. */
    static String refusal(Path home, List<Path> modules) {
        if (!Files.isExecutable(java(home))) {
            return "it has no " + home.relativize(java(home));
        }
        Properties built = manifest(home);
        if (built == null) {
            return "it has no readable " + MANIFEST;
        }
        for (int i = 0; i < MODULES.size(); i++) {
            String recorded = built.getProperty(MODULES.get(i) + ".sha256", "");
            Path jar = modules.get(i);
            if (!Files.isRegularFile(jar)) {
                return MODULES.get(i) + " is not a jar here (" + jar + ")";
            }
            if (!recorded.equalsIgnoreCase(sha256(jar))) {
                return "it was linked from another build of " + MODULES.get(i) + " than " + jar.getFileName();
            }
        }
        return null;
    }

    /** The Java that linked the image at {@code home}, as its record says, or null. */
    static String linkedBy(Path home) {
        Properties built = manifest(home);
        return built == null ? null : built.getProperty("java.version");
    }

    private static Properties manifest(Path home) {
        Properties built = new Properties();
        try (InputStream in = Files.newInputStream(home.resolve(MANIFEST))) {
            built.load(in);
            return built;
        } catch (IOException e) {
            return null;
        }
    }

    /** Writes the image's record: it was linked from {@code modules} (the kernel's jars) by this Java. */
    static void recordLinked(Path home, List<Path> modules) throws IOException {
        StringBuilder text = new StringBuilder("# What PageLab's grading children's runtime was linked from"
                + " (ChildRuntime checks it)\n");
        for (int i = 0; i < MODULES.size(); i++) {
            text.append(MODULES.get(i)).append(".sha256=").append(sha256(modules.get(i))).append('\n');
        }
        text.append("java.version=").append(System.getProperty("java.version")).append('\n');
        Files.writeString(home.resolve(MANIFEST), text);
    }

    private static ChildRuntime host(String note) {
        return new ChildRuntime(Path.of(System.getProperty("java.home")), false, note);
    }

    static Path java(Path home) {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return home.resolve("bin").resolve(windows ? "java.exe" : "java");
    }

    private static String sha256(Path jar) {
        try {
            return PluginFiles.sha256(jar);
        } catch (IOException e) {
            return "";
        }
    }

    /** The {@code java} to start. */
    Path java() {
        return java(home);
    }

    /** What the command line needs to give a child the kernel's modules: nothing for the image, which holds them. */
    List<String> moduleOptions() {
        if (image) {
            return List.of();
        }
        return List.of("--module-path", ChildLaunch.join(ChildLaunch.modulePath()),
                "--add-modules", String.join(",", MODULES));
    }

    /** The files of the runtime a sandboxed child must read. */
    List<Path> readablePaths() {
        List<Path> paths = new ArrayList<>();
        paths.add(home);
        if (!image) {
            paths.addAll(ChildLaunch.modulePath());
        }
        return paths;
    }

    /** What identifies this runtime's build, for the key of a class-data archive made on it. */
    String identity() {
        if (!image) {
            return System.getProperty("java.home") + "|" + Runtime.version();
        }
        Path modules = home.resolve("lib").resolve("modules");
        try {
            return home + "|" + Files.size(modules) + "|" + Files.getLastModifiedTime(modules).toMillis();
        } catch (IOException e) {
            return home.toString();
        }
    }
}
