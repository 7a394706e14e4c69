package pagelab.app.desktop.store;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Settings as a {@code .properties} file. Not JSON, on purpose: settings are read before the first window paints,
 * and {@code java.util.Properties} costs nothing to load where a JSON mapper costs half a second of class loading.
 * A file without the {@link #VERSION_KEY} line is not a settings file (and is moved aside); a single bad value only
 * falls back to its default.
 */
final class SettingsFormat {
    static final String VERSION_KEY = "pagelab.settings";
    private static final String DIVIDER = "window.divider.";

    private SettingsFormat() {
    }

    static String write(Settings s) {
        Properties p = new Properties();
        p.setProperty(VERSION_KEY, "1");
        p.setProperty("theme", s.theme());
        p.setProperty("fontSize", Integer.toString(s.fontSize()));
        p.setProperty("language", s.language());
        p.setProperty("lastExercise", s.lastExercise());
        WindowLayout w = s.window();
        p.setProperty("window.x", Integer.toString(w.x()));
        p.setProperty("window.y", Integer.toString(w.y()));
        p.setProperty("window.width", Integer.toString(w.width()));
        p.setProperty("window.height", Integer.toString(w.height()));
        p.setProperty("window.maximized", Boolean.toString(w.maximized()));
        p.setProperty("window.tab", Integer.toString(w.tab()));
        w.dividers().forEach((k, v) -> p.setProperty(DIVIDER + k, Integer.toString(v)));
        StringWriter out = new StringWriter();
        try {
            p.store(out, "PageLab settings");
        } catch (IOException e) {
            throw new IllegalStateException("SettingsFormat.write: a StringWriter failed", e);
        }
        return out.toString();
    }

    /**
     * Parses a settings file.
     *
     * @throws IOException if the text is not a settings file at all
     */
    static Settings read(String text) throws IOException {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IllegalArgumentException e) {
            throw new IOException("malformed properties: " + e.getMessage(), e);
        }
        if (!"1".equals(p.getProperty(VERSION_KEY))) {
            throw new IOException("no '" + VERSION_KEY + "=1' line, so this is not a PageLab settings file");
        }
        Map<String, Integer> dividers = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(DIVIDER)) {
                dividers.put(key.substring(DIVIDER.length()), integer(p, key, -1));
            }
        }
        WindowLayout w = new WindowLayout(integer(p, "window.x", 0), integer(p, "window.y", 0),
                integer(p, "window.width", 0), integer(p, "window.height", 0),
                Boolean.parseBoolean(p.getProperty("window.maximized")), new LinkedHashMap<>(dividers),
                integer(p, "window.tab", 0));
        return new Settings(p.getProperty("theme"), integer(p, "fontSize", Settings.DEFAULT_FONT),
                p.getProperty("language"), w, p.getProperty("lastExercise"));
    }

    private static int integer(Properties p, String key, int fallback) {
        try {
            return Integer.parseInt(p.getProperty(key, "").trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
