package pagelab.app.desktop.memorymap;

import net.miginfocom.swing.MigLayout;
import pagelab.app.desktop.Messages;

import javax.swing.JLabel;
import javax.swing.JPanel;

/** The page strip's legend: one swatch per {@link PageKind}, plus the "changed in this step" marker. */
final class Legend extends JPanel {
    Legend() {
        super(new MigLayout("insets 0, gap 12"));
        setName("legend");
        for (PageKind k : PageKind.values()) {
            add(new JLabel(k.label(), new KindIcon(k), JLabel.LEADING));
        }
        JLabel changed = new JLabel(Messages.get("memoryMap.legend.changed"));
        changed.setName("legendChanged");
        add(changed);
    }
}
