package pagelab.app.desktop;

import com.formdev.flatlaf.FlatDarkLaf;
import com.formdev.flatlaf.FlatLaf;
import com.formdev.flatlaf.FlatLightLaf;

import javax.swing.UIManager;
import javax.swing.plaf.FontUIResource;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies the light or dark FlatLaf theme and the font size, and tells interested components (the editor's
 * syntax colours do not follow the LaF) that the theme changed. Call on the event-dispatch thread.
 */
public final class Themes {
    private static final List<Consumer<Boolean>> LISTENERS = new ArrayList<>();
    private static boolean dark;

    private Themes() {
    }

    /**
     * Installs the theme and font size. If FlatLaf cannot be installed the platform's default LaF stays and the
     * reason is returned, so the app still starts.
     *
     * @return null on success, else why the theme could not be installed
     */
    public static String apply(boolean darkTheme, int fontSize) {
        String error = null;
        try {
            if (darkTheme) {
                FlatDarkLaf.setup();
            } else {
                FlatLightLaf.setup();
            }
            dark = darkTheme;
        } catch (RuntimeException | LinkageError e) {
            error = e.toString();
        }
        if (error == null) {
            // In the user layer of the defaults, so it outlives the next theme switch.
            UIManager.put("MenuItemUI", KeyNamesMenuItemUI.class.getName());
        }
        Font font = UIManager.getFont("defaultFont");
        if (font == null) {
            font = UIManager.getFont("Label.font");
        }
        if (font != null) {
            UIManager.put("defaultFont", new FontUIResource(font.deriveFont((float) fontSize)));
        }
        FlatLaf.updateUI();
        for (Consumer<Boolean> l : List.copyOf(LISTENERS)) {
            l.accept(dark);
        }
        return error;
    }

    public static boolean isDark() {
        return dark;
    }

    /** Calls {@code listener} with "is dark" after every theme change; remove it when the component goes away. */
    public static void addListener(Consumer<Boolean> listener) {
        LISTENERS.add(listener);
    }

    public static void removeListener(Consumer<Boolean> listener) {
        LISTENERS.remove(listener);
    }
}
