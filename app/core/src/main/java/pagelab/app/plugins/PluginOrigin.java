package pagelab.app.plugins;

/** The plugin folder a candidate came from, in the order the host searches them: earlier wins a conflict. */
public enum PluginOrigin {
    /** A module of the source tree ({@code exercises/NAME/target/classes}), for exercise authors. */
    DEVELOPMENT,
    /** Named on the command line or installed one at a time. */
    EXPLICIT,
    /** The user's own plugin folder ({@code ~/.pagelab/plugins}). */
    USER,
    /** The folder shipped with PageLab. */
    SHIPPED
}
