package pagelab.app.desktop.editor;

import com.formdev.flatlaf.util.UIScale;

import javax.swing.Icon;
import java.awt.Color;
import java.awt.Component;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;

/** The red dot a compile error puts in the editor's gutter. */
final class ErrorIcon implements Icon {
    @Override
    public void paintIcon(Component c, Graphics g, int x, int y) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setColor(new Color(0xE53935));
        int s = getIconWidth();
        g2.fillOval(x + 1, y + 1, s - 2, s - 2);
        g2.setColor(Color.WHITE);
        g2.fillRect(x + s / 2 - 1, y + 3, 2, s / 2);
        g2.dispose();
    }

    @Override
    public int getIconWidth() {
        return UIScale.scale(12);
    }

    @Override
    public int getIconHeight() {
        return getIconWidth();
    }
}
