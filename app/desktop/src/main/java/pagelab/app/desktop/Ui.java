package pagelab.app.desktop;

import javax.swing.AbstractAction;
import javax.swing.AbstractButton;
import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.KeyStroke;
import java.awt.event.ActionEvent;

/**
 * Small builders that turn translated strings into menus and buttons. A {@code &} in a string marks the mnemonic
 * ({@code "&File"}, {@code "文件(&F)"}), so translators choose keys that suit their language.
 */
public final class Ui {
    private Ui() {
    }

    public static JMenu menu(String key) {
        JMenu m = new JMenu();
        label(m, Messages.get(key));
        return m;
    }

    /** A menu item for {@code key} running {@code handler}, with an accelerator such as {@code "ctrl ENTER"}. */
    public static JMenuItem item(String key, String accelerator, Runnable handler) {
        JMenuItem item = new JMenuItem(action(key, handler));
        item.setName(key);
        label(item, Messages.get(key));
        if (accelerator != null) {
            item.setAccelerator(KeyStroke.getKeyStroke(accelerator));
        }
        return item;
    }

    public static JButton button(String key, Runnable handler) {
        JButton b = new JButton(action(key, handler));
        label(b, Messages.get(key));
        return b;
    }

    /** An action named after {@code key}'s translation (without the mnemonic marker). */
    public static Action action(String key, Runnable handler) {
        return new AbstractAction(strip(Messages.get(key))) {
            @Override
            public void actionPerformed(ActionEvent e) {
                handler.run();
            }
        };
    }

    /** Sets the text and mnemonic of {@code b} from a string with an optional {@code &} marker. */
    public static void label(AbstractButton b, String text) {
        int amp = text.indexOf('&');
        if (amp >= 0 && amp + 1 < text.length()) {
            b.setText(strip(text));
            b.setMnemonic(Character.toUpperCase(text.charAt(amp + 1)));
            b.setDisplayedMnemonicIndex(amp);
        } else {
            b.setText(text);
        }
    }

    /** The string without its mnemonic marker. */
    public static String strip(String text) {
        int amp = text.indexOf('&');
        return amp < 0 ? text : text.substring(0, amp) + text.substring(amp + 1);
    }
}
