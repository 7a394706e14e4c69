package pagelab.app.desktop.store;

import java.util.Map;

/**
 * Where the main window was and how it was split, so that the next start looks the same.
 *
 * @param x         left edge in screen pixels
 * @param y         top edge in screen pixels
 * @param width     width in pixels; 0 means "never saved", use the default size
 * @param height    height in pixels
 * @param maximized whether the frame was maximised
 * @param dividers  split-pane divider positions by split name
 * @param tab       the selected main tab's index
 */
public record WindowLayout(int x, int y, int width, int height, boolean maximized, Map<String, Integer> dividers,
                           int tab) {
    public WindowLayout {
        dividers = dividers == null ? Map.of() : Map.copyOf(dividers);
    }

    /** The layout of a first start: no position saved. */
    public static WindowLayout unset() {
        return new WindowLayout(0, 0, 0, 0, false, Map.of(), 0);
    }

    public boolean isSet() {
        return width > 0 && height > 0;
    }
}
