package pagelab.app.desktop;

import com.formdev.flatlaf.ui.FlatMenuItemRenderer;
import com.formdev.flatlaf.ui.FlatMenuItemUI;

import javax.swing.JComponent;
import javax.swing.JMenuItem;
import javax.swing.KeyStroke;
import javax.swing.plaf.ComponentUI;
import java.awt.event.KeyEvent;
import java.util.Map;

/**
 * FlatLaf's menu item, with accelerators on symbol keys written as the key's symbol: "Ctrl+=" and "Ctrl+-", not
 * AWT's "Ctrl+Equals" and "Ctrl+Minus". Installed for every menu item by {@link Themes}.
 */
public class KeyNamesMenuItemUI extends FlatMenuItemUI {
    private static final Map<Integer, String> SYMBOLS = Map.of(KeyEvent.VK_EQUALS, "=", KeyEvent.VK_MINUS, "-",
            KeyEvent.VK_PLUS, "+", KeyEvent.VK_PERIOD, ".", KeyEvent.VK_COMMA, ",", KeyEvent.VK_SLASH, "/",
            KeyEvent.VK_SEMICOLON, ";");
    private Renderer renderer;

    public static ComponentUI createUI(JComponent c) {
        return new KeyNamesMenuItemUI();
    }

    @Override
    protected FlatMenuItemRenderer createRenderer() {
        renderer = new Renderer(menuItem, checkIcon, arrowIcon, acceleratorFont, acceleratorDelimiter);
        return renderer;
    }

    /** The accelerator text the item shows, e.g. "Ctrl+=". */
    public String acceleratorText(JMenuItem item) {
        if (renderer == null) {
            createRenderer();
        }
        return item.getAccelerator() == null ? "" : renderer.text(item.getAccelerator());
    }

    /** {@code text} (AWT's name of {@code key}) with a symbol key's name replaced by the symbol. */
    static String withSymbol(String text, KeyStroke key) {
        String symbol = SYMBOLS.get(key.getKeyCode());
        String name = KeyEvent.getKeyText(key.getKeyCode());
        return symbol != null && text.endsWith(name) ? text.substring(0, text.length() - name.length()) + symbol
                : text;
    }

    private static final class Renderer extends FlatMenuItemRenderer {
        Renderer(JMenuItem item, javax.swing.Icon check, javax.swing.Icon arrow, java.awt.Font font,
                 String delimiter) {
            super(item, check, arrow, font, delimiter);
        }

        @Override
        protected String getTextForAccelerator(KeyStroke key) {
            return withSymbol(super.getTextForAccelerator(key), key);
        }

        String text(KeyStroke key) {
            return getTextForAccelerator(key);
        }
    }
}
