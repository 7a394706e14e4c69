package pagelab.app.desktop;

import java.util.Optional;

/**
 * The desktop's command-line options.
 *
 * @param dataDir          {@code --data-dir DIR}: the user data folder, or null for the default
 * @param printStartupTime {@code --startup-time}: print milliseconds from JVM start to the first painted window
 * @param quitAfterPaint   {@code --quit-after-paint}: close the window once it painted (for startup measurements)
 */
public record DesktopOptions(String dataDir, boolean printStartupTime, boolean quitAfterPaint) {

    public static final String USAGE = String.join("\n",
            "Usage: pagelab-desktop [--data-dir DIR] [--startup-time] [--quit-after-paint]",
            "  --data-dir DIR       keep settings, progress and solutions in DIR",
            "                       (default: $PAGELAB_HOME, else ~/.pagelab)",
            "  --startup-time       print the time from JVM start to the first painted window",
            "  --quit-after-paint   close the window after its first paint (with --startup-time: a benchmark)");

    /**
     * Parses {@code args}; an unknown or incomplete option gives an error message instead of options.
     * The system properties {@code pagelab.startupTime=true} and {@code pagelab.quitAfterPaint=true} also turn on
     * {@code --startup-time} and {@code --quit-after-paint} (the launcher passes no arguments to the desktop).
     */
    public static Parsed parse(String[] args) {
        String dataDir = null;
        boolean time = Boolean.getBoolean("pagelab.startupTime");
        boolean quit = Boolean.getBoolean("pagelab.quitAfterPaint");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--data-dir")) {
                if (i + 1 >= args.length) {
                    return Parsed.error("--data-dir needs a folder");
                }
                dataDir = args[++i];
            } else if (a.startsWith("--data-dir=")) {
                dataDir = a.substring("--data-dir=".length());
            } else if (a.equals("--startup-time")) {
                time = true;
            } else if (a.equals("--quit-after-paint")) {
                quit = true;
            } else {
                return Parsed.error("Unknown option: " + a);
            }
        }
        return new Parsed(Optional.of(new DesktopOptions(dataDir, time, quit)), null);
    }

    /** The outcome of {@link #parse}: options, or an error message. */
    public record Parsed(Optional<DesktopOptions> options, String error) {
        static Parsed error(String message) {
            return new Parsed(Optional.empty(), message);
        }
    }
}
