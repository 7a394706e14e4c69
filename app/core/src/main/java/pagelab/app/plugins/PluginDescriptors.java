package pagelab.app.plugins;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import org.pf4j.ManifestPluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PropertiesPluginDescriptorFinder;

/**
 * Finds a plugin's descriptor where PageLab plugins keep it: the jar manifest ({@code Plugin-Id},
 * {@code Plugin-Version}, {@code Plugin-Requires}), else {@code plugin.properties} inside the jar or folder, else,
 * for a module's {@code target/classes}, the module's own {@code plugin.properties}. Unlike PF4J's compound finder
 * it keeps the reason of every attempt, so a refused plugin says what is wrong with it.
 */
final class PluginDescriptors implements PluginDescriptorFinder {
    private final ManifestPluginDescriptorFinder manifest = new ManifestPluginDescriptorFinder();
    private final PropertiesPluginDescriptorFinder properties = new PropertiesPluginDescriptorFinder();

    @Override
    public boolean isApplicable(Path pluginPath) {
        return Files.isDirectory(pluginPath) || PluginFiles.isJar(pluginPath);
    }

    @Override
    public PluginDescriptor find(Path pluginPath) {
        if (!Files.isDirectory(pluginPath)) {
            checkArchive(pluginPath);
        }
        List<String> tried = new ArrayList<>();
        for (Path place : places(pluginPath)) {
            PluginDescriptor d = attempt(manifest, place, tried, "META-INF/MANIFEST.MF");
            if (d == null) {
                d = attempt(properties, place, tried, "plugin.properties");
            }
            if (d != null) {
                return d;
            }
        }
        throw new PluginRuntimeException("no plugin descriptor: found neither a manifest with Plugin-Id nor a "
                + "plugin.properties with plugin.id (" + String.join("; ", tried) + ")");
    }

    private static List<Path> places(Path pluginPath) {
        List<Path> places = new ArrayList<>(List.of(pluginPath));
        Path parent = pluginPath.getParent();
        if (Files.isDirectory(pluginPath) && parent != null && pluginPath.getFileName().toString().equals("classes")
                && parent.getFileName() != null && parent.getFileName().toString().equals("target")
                && parent.getParent() != null) {
            places.add(parent.getParent());
        }
        return places;
    }

    private static PluginDescriptor attempt(PluginDescriptorFinder finder, Path place, List<String> tried,
                                            String what) {
        try {
            PluginDescriptor d = finder.find(place);
            if (d != null && d.getPluginId() != null && !d.getPluginId().isBlank()) {
                return d;
            }
            tried.add(what + " has no plugin id");
        } catch (RuntimeException e) {
            tried.add(what + ": " + rootMessage(e));
        }
        return null;
    }

    /** Opens the jar once, so a corrupt archive is reported as such and not as a missing descriptor. */
    private static void checkArchive(Path jar) {
        try (JarFile ignored = new JarFile(jar.toFile())) {
            // readable: the finders will read the entries
        } catch (Exception e) {
            throw new PluginRuntimeException("not a readable jar (corrupt or truncated archive: "
                    + rootMessage(e) + ")");
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String msg = t.getMessage();
        return msg == null || msg.isBlank() ? t.getClass().getSimpleName() : msg;
    }
}
