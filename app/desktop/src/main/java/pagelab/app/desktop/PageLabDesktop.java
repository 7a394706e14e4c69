package pagelab.app.desktop;

import com.formdev.flatlaf.FlatLaf;
import pagelab.app.desktop.store.Settings;
import pagelab.app.desktop.store.UserDataStore;

import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Starts the PageLab desktop. The order follows the FlatLaf demo: system properties before AWT loads, then the
 * user's preferences, then everything Swing on the event-dispatch thread (look and feel with a fallback, then the
 * frame).
 */
public final class PageLabDesktop {
    private PageLabDesktop() {
    }

    public static void main(String[] args) {
        DesktopOptions.Parsed parsed = DesktopOptions.parse(args);
        if (parsed.options().isEmpty()) {
            System.err.println(parsed.error());
            System.err.println(DesktopOptions.USAGE);
            return;
        }
        launch(parsed.options().get(), System.err);
    }

    /**
     * Opens the main window with {@code options}; returns at once (the window runs on the event-dispatch thread).
     * Problems that do not prevent starting (a corrupt settings file, a missing theme) are shown to the user.
     *
     * @param err where to report that the desktop cannot start at all (no display, unusable data folder)
     */
    public static void launch(DesktopOptions options, PrintStream err) {
        if (GraphicsEnvironment.isHeadless()) {
            // PAGELAB_COMMAND: how the user typed the launcher (./pagelab), as the command line's hints say it.
            String pagelab = System.getenv().getOrDefault("PAGELAB_COMMAND", "pagelab");
            err.println("PageLab: no display available. Use the command line instead: " + pagelab + " list, "
                    + pagelab + " init ID, " + pagelab + " check ID (" + pagelab + " --help for more)");
            return;
        }
        // Before AWT initialises: anti-aliased text from the JDK's own rendering, window decorations by FlatLaf.
        System.setProperty("awt.useSystemAAFontSettings", "on");
        System.setProperty("flatlaf.uiScale.allowScaleDown", "true");
        UserDataStore store;
        try {
            store = new UserDataStore(UserDataStore.resolveRoot(options.dataDir(), System.getenv()));
        } catch (IOException | RuntimeException e) {
            err.println("PageLab: cannot use the data folder: " + e.getMessage());
            return;
        }
        Settings settings = store.loadSettings();
        Messages.use(Messages.localeFor(settings.language(), Locale.getDefault()));
        JFrame.setDefaultLookAndFeelDecorated(false);
        JDialog.setDefaultLookAndFeelDecorated(false);
        FlatLaf.registerCustomDefaultsSource("pagelab.app.desktop");
        SwingUtilities.invokeLater(() -> openFrame(options, store, settings));
    }

    private static void openFrame(DesktopOptions options, UserDataStore store, Settings settings) {
        String lafError = Themes.apply(settings.dark(), settings.fontSize());
        MainFrame frame = new MainFrame(store, settings);
        frame.onFirstPaint(() -> {
            if (options.printStartupTime()) {
                System.out.println("startup-ms " + StartupClock.sinceJvmStart() + " cpu-ms " + StartupClock.cpuMillis());
            }
            frame.onPluginsLoaded(() -> {
                if (options.printStartupTime()) {
                    System.out.println("plugins-loaded-ms " + StartupClock.sinceJvmStart() + " cpu-ms "
                            + StartupClock.cpuMillis());
                }
                if (options.quitAfterPaint()) {
                    frame.closeWindow();
                }
            });
        });
        frame.setVisible(true);
        if (lafError != null) {
            JOptionPane.showMessageDialog(frame, Messages.format("startup.lafFailed", lafError),
                    Messages.get("app.title"), JOptionPane.WARNING_MESSAGE);
        }
    }
}
