package pagelab.app.desktop.memorymap;

import com.formdev.flatlaf.util.UIScale;

import javax.swing.Icon;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;

/** A small square in a {@link PageKind}'s colour, read at paint time so that it follows the theme. */
final class KindIcon implements Icon {
    private final PageKind kind;

    KindIcon(PageKind kind) {
        this.kind = kind;
    }

    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
        int s = getIconWidth();
        g.setColor(kind.color());
        g.fillRect(x, y, s, s);
        g.setColor(Color.GRAY);
        g.drawRect(x, y, s - 1, s - 1);
    }

    @Override
    public int getIconWidth() {
        return UIScale.scale(11);
    }

    @Override
    public int getIconHeight() {
        return getIconWidth();
    }
}
