package pagelab.app.plugins;

import java.nio.file.Path;
import java.util.List;

/**
 * What became of one plugin candidate (a jar, a folder): loaded with the exercises it contributes, or failed with a
 * reason written for the person who installed it. Immutable.
 *
 * @param pluginId    the PF4J plugin id, or null when not even the descriptor could be read
 * @param version     the plugin version, or null when unknown
 * @param path        where the candidate was found
 * @param origin      which plugin folder it came from
 * @param state       {@link State#LOADED}, {@link State#FAILED} or {@link State#DISABLED}
 * @param reason      why it failed, in one or two sentences; null when loaded or disabled
 * @param exerciseIds the ids of the exercises it contributes (empty when failed)
 */
public record PluginStatus(String pluginId, String version, Path path, PluginOrigin origin, State state,
                           String reason, List<String> exerciseIds) {

    /** The ends a plugin candidate can reach. */
    public enum State {
        /** Loaded and started; its exercises are in the catalog. */
        LOADED,
        /** Refused; {@link #reason()} says why. */
        FAILED,
        /** Turned off by the user ({@link PluginHost#disable}): not loaded, its exercises are not in the catalog. */
        DISABLED
    }

    public PluginStatus {
        exerciseIds = List.copyOf(exerciseIds);
    }

    static PluginStatus loaded(String id, String version, Path path, PluginOrigin origin, List<String> exercises) {
        return new PluginStatus(id, version, path, origin, State.LOADED, null, exercises);
    }

    static PluginStatus failed(String id, String version, Path path, PluginOrigin origin, String reason) {
        return new PluginStatus(id, version, path, origin, State.FAILED, reason, List.of());
    }

    static PluginStatus disabled(String id, String version, Path path, PluginOrigin origin) {
        return new PluginStatus(id, version, path, origin, State.DISABLED, null, List.of());
    }

    public boolean isLoaded() {
        return state == State.LOADED;
    }

    /** Whether the plugin was refused (not merely turned off by the user). */
    public boolean isFailed() {
        return state == State.FAILED;
    }

    public boolean isDisabled() {
        return state == State.DISABLED;
    }

    /** The plugin id, or else the file name, for messages. */
    public String label() {
        return pluginId != null ? pluginId : String.valueOf(path.getFileName());
    }
}
