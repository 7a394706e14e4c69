package pagelab.app.desktop;

import java.awt.Color;

/** WCAG 2 contrast between two colours, and the nudge that lifts a text colour to a ratio. */
public final class Contrast {
    /** WCAG AA for normal text. */
    public static final double AA = 4.5;

    private Contrast() {
    }

    /** The contrast ratio of {@code a} and {@code b}, from 1 (same) to 21 (black on white). */
    public static double ratio(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG's relative luminance of an sRGB colour. */
    static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(int v) {
        double s = v / 255.0;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    /**
     * {@code fg}, or the nearest colour of the same hue moved away from {@code bg} (lighter on a dark background,
     * darker on a light one) until it reaches {@code min} against {@code bg}.
     */
    public static Color atLeast(Color fg, Color bg, double min) {
        boolean lighten = luminance(bg) < 0.5;
        Color c = fg;
        for (int i = 0; i < 100 && ratio(c, bg) < min; i++) {
            c = lighten ? new Color(step(c.getRed(), 255), step(c.getGreen(), 255), step(c.getBlue(), 255),
                    c.getAlpha())
                    : new Color(step(c.getRed(), 0), step(c.getGreen(), 0), step(c.getBlue(), 0), c.getAlpha());
        }
        return c;
    }

    // 5% of the way towards the target each time: hue kept, few steps.
    private static int step(int v, int target) {
        int next = v + (int) Math.round((target - v) * 0.05);
        return next == v ? v + Integer.signum(target - v) : next;
    }
}
