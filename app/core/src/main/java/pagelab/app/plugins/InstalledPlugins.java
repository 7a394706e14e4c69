package pagelab.app.plugins;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import pagelab.app.files.NewFiles;
import pagelab.app.results.Reports;

/**
 * The record of the plugins a user installed ({@code DATA/plugins/installed.json}), written by the plugin manager
 * and {@code pagelab plugin install}. The host loads a file from the user's plugin folder only when this record
 * names it with the same SHA-256: a jar that appears there by other means (written by a program, a submission, a
 * mistaken copy) is never run, it is listed as not installed, with how to install it.
 *
 * <p>Not thread-safe on its own; {@link PluginHost} serialises its use.
 */
final class InstalledPlugins {
    /** The record's file name in the user's plugin folder. */
    static final String FILE = "installed.json";

    /**
     * One installed plugin.
     *
     * @param file        the file's name in the plugin folder
     * @param sha256      its SHA-256 when installed ({@link PluginFiles#sha256})
     * @param pluginId    the plugin's id
     * @param version     its version
     * @param installedAt when, as an ISO-8601 instant
     */
    record Entry(String file, String sha256, String pluginId, String version, String installedAt) {
    }

    private final Path dir;
    private final List<Entry> entries;

    private InstalledPlugins(Path dir, List<Entry> entries) {
        this.dir = dir;
        this.entries = new ArrayList<>(entries);
    }

    /** The record of {@code dir}; empty when there is none or it cannot be read (nothing is then trusted). */
    static InstalledPlugins read(Path dir) {
        Path f = dir == null ? null : dir.resolve(FILE);
        if (f == null || !Files.isRegularFile(f)) {
            return new InstalledPlugins(dir, List.of());
        }
        try {
            return new InstalledPlugins(dir, Reports.json().readValue(f.toFile(), new TypeReference<List<Entry>>() {
            }));
        } catch (IOException | RuntimeException e) {
            return new InstalledPlugins(dir, List.of());
        }
    }

    /** Whether {@code plugin}, a file of the folder, is recorded as installed with its present content. */
    boolean trusts(Path plugin) {
        String name = plugin.getFileName().toString();
        for (Entry e : entries) {
            if (e.file().equals(name)) {
                try {
                    return e.sha256().equals(PluginFiles.sha256(plugin));
                } catch (IOException ex) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Records {@code plugin} as installed, replacing an older record of the same file, and saves the record. */
    void add(Path plugin, String pluginId, String version) throws IOException {
        String name = plugin.getFileName().toString();
        entries.removeIf(e -> e.file().equals(name));
        entries.add(new Entry(name, PluginFiles.sha256(plugin), pluginId, version, Instant.now().toString()));
        save();
    }

    /** Forgets {@code fileName} and saves the record. */
    void remove(String fileName) throws IOException {
        entries.removeIf(e -> e.file().equals(fileName));
        save();
    }

    /** The installed file of plugin {@code pluginId}, if any. */
    String fileOf(String pluginId) {
        return entries.stream().filter(e -> e.pluginId().equals(pluginId)).map(Entry::file).findFirst()
                .orElse(null);
    }

    private void save() throws IOException {
        NewFiles.writeString(dir.resolve(FILE), ".installed-", ".tmp", Reports.json().writeValueAsString(entries));
    }
}
