package pagelab.app.plugins;

/** Why a plugin is refused, already worded for the person who installed it. Internal to loading. */
final class PluginProblem extends Exception {
    private static final long serialVersionUID = 1L;

    PluginProblem(String reason) {
        super(reason, null, false, false);
    }
}
