package pagelab.app.desktop;

import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JTabbedPane;
import java.awt.BorderLayout;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A tab whose panel is built the first time the tab is selected (or asked for), not with the window. The student
 * sees the exercises first; building the playground and plugin manager with the window made the first
 * paint wait for panels nobody looks at yet. Used on the event-dispatch thread only.
 */
final class LazyTab<T extends JComponent> extends JPanel {
    private final Supplier<T> factory;
    private T content;

    LazyTab(String name, Supplier<T> factory) {
        super(new BorderLayout());
        setName(name + "Tab");
        this.factory = factory;
    }

    /** Adds this holder as a tab of {@code pane} and builds the panel when the tab is first selected. */
    void addTo(JTabbedPane pane, String title) {
        pane.addTab(title, this);
        pane.addChangeListener(e -> {
            if (pane.getSelectedComponent() == this) {
                get();
            }
        });
    }

    /** The panel, built now if it was not yet. */
    T get() {
        if (content == null) {
            content = factory.get();
            add(content, BorderLayout.CENTER);
            revalidate();
            repaint();
        }
        return content;
    }

    /** Runs {@code action} on the panel only if it exists: one not built yet picks up the state when it is. */
    void ifBuilt(Consumer<T> action) {
        if (content != null) {
            action.accept(content);
        }
    }

    boolean isBuilt() {
        return content != null;
    }
}
