package pagelab.app.plugins;

/** The plugin folder a candidate came from, in the order the host searches them: earlier wins a conflict. */
public enum PluginOrigin {
    /** A module of the source tree ({@code exercises/NAME/target/classes}), for exercise authors. */
    DEVELOPMENT,
    /** The folder shipped with PageLab. */
    SHIPPED,
    /** Named on the command line ({@code --plugins}). */
    EXPLICIT,
    /** Installed by the user ({@code pagelab plugin install}, the plugin manager) into {@code DATA/plugins}. */
    USER
}
