package pagelab.app.plugins;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import pagelab.app.files.NewFiles;

/**
 * The plugins the user turned off ({@code DATA/plugins/disabled.txt}, one plugin id a line, {@code #} starts a
 * comment), written by the plugin manager and {@code pagelab plugin disable}. A disabled plugin is not loaded at
 * all, so its exercises leave the catalog and cost nothing at start-up; a workshop leader hides what the room does
 * not need today without deleting anything. Ids are kept whether or not such a plugin exists, so a disabled plugin
 * that is updated stays disabled.
 *
 * <p>Not thread-safe on its own; {@link PluginHost} serialises its use.
 */
final class DisabledPlugins {
    /** The record's file name in the user's plugin folder. */
    static final String FILE = "disabled.txt";

    private final Path dir;
    private final Set<String> ids;

    private DisabledPlugins(Path dir, Set<String> ids) {
        this.dir = dir;
        this.ids = ids;
    }

    /** The record of {@code dir}; empty when there is none or it cannot be read (everything is then enabled). */
    static DisabledPlugins read(Path dir) {
        Set<String> ids = new TreeSet<>();
        Path f = dir == null ? null : dir.resolve(FILE);
        if (f != null && Files.isRegularFile(f)) {
            try {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    int hash = line.indexOf('#');
                    String id = (hash < 0 ? line : line.substring(0, hash)).strip();
                    if (!id.isEmpty()) {
                        ids.add(id);
                    }
                }
            } catch (IOException | RuntimeException e) {
                ids.clear(); // unreadable: better every exercise than none
            }
        }
        return new DisabledPlugins(dir, ids);
    }

    boolean contains(String pluginId) {
        return pluginId != null && ids.contains(pluginId);
    }

    /** Records {@code pluginId} as disabled and saves; the record is unchanged if saving fails. */
    void add(String pluginId) throws IOException {
        if (ids.add(pluginId)) {
            saveOrUndo(() -> ids.remove(pluginId));
        }
    }

    /** Forgets {@code pluginId} and saves; the record is unchanged if saving fails. */
    void remove(String pluginId) throws IOException {
        if (ids.remove(pluginId)) {
            saveOrUndo(() -> ids.add(pluginId));
        }
    }

    private void saveOrUndo(Runnable undo) throws IOException {
        if (dir == null) {
            undo.run();
            throw new IOException("there is no user plugin folder to keep the list of disabled plugins in");
        }
        StringBuilder text = new StringBuilder("# Plugins turned off in PageLab (plugin manager, or pagelab plugin "
                + "disable ID); one id a line.\n");
        ids.forEach(id -> text.append(id).append('\n'));
        try {
            Files.createDirectories(dir);
            NewFiles.writeString(dir.resolve(FILE), ".disabled-", ".tmp", text.toString());
        } catch (IOException e) {
            undo.run();
            throw e;
        }
    }
}
