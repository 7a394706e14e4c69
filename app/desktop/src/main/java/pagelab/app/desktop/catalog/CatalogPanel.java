package pagelab.app.desktop.catalog;

import net.miginfocom.swing.MigLayout;
import pagelab.app.desktop.Fit;
import pagelab.app.desktop.Messages;
import pagelab.app.desktop.store.ExerciseProgress;
import pagelab.app.desktop.store.Progress;
import pagelab.app.plugins.WorkshopTrack;
import pagelab.exercise.ExerciseDescriptor;

import javax.swing.BorderFactory;
import javax.swing.DefaultListCellRenderer;
import javax.swing.DefaultListModel;
import javax.swing.JComboBox;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import java.awt.Component;
import java.awt.Font;
import java.util.List;
import java.util.function.Consumer;

/** The catalog list with its filter field. Selecting an exercise calls the open handler with its id. */
public final class CatalogPanel extends JPanel {
    private final JTextField filter = new JTextField();
    private final JComboBox<String> view = new JComboBox<>(new String[] {
        Messages.get("catalog.view.track"), Messages.get("catalog.view.chapters")});
    private WorkshopTrack track;
    private final DefaultListModel<CatalogEntry> model = new DefaultListModel<>();
    private final Fit.FitList<CatalogEntry> list = new Fit.FitList<>(model);
    private List<ExerciseDescriptor> exercises = List.of();
    private Progress progress = Progress.empty();
    private Consumer<String> onOpen = id -> { };
    private boolean rebuilding;

    public CatalogPanel() {
        super(new MigLayout("insets 6, fill", "[grow]", "[][][grow]"));
        setName("catalog");
        filter.setName("catalogFilter");
        filter.putClientProperty("JTextField.placeholderText", Messages.get("catalog.filter"));
        filter.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                rebuild();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                rebuild();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                rebuild();
            }
        });
        add(filter, "growx, wrap");
        view.setName("catalogView");
        view.addActionListener(e -> rebuild());
        add(view, "growx, wrap");
        list.setName("catalogList");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setCellRenderer(new Renderer());
        list.setPlaceholder(Messages.get("catalog.empty"));
        list.addListSelectionListener(e -> {
            CatalogEntry entry = list.getSelectedValue();
            if (!e.getValueIsAdjusting() && !rebuilding && entry != null && !entry.isHeading()) {
                onOpen.accept(entry.descriptor().id());
            }
        });
        add(new JScrollPane(list), "grow");
    }

    public void onOpen(Consumer<String> handler) {
        onOpen = handler;
    }

    /** Shows {@code value} with {@code p}, keeping the selection. */
    public void setExercises(List<ExerciseDescriptor> value, Progress p) {
        exercises = List.copyOf(value);
        progress = p;
        rebuild();
    }

    /** The workshop track to offer as the catalog's first view; null shows chapters only. */
    public void setTrack(WorkshopTrack value) {
        track = value == null || value.stages().isEmpty() ? null : value;
        view.setVisible(track != null);
        rebuild();
    }

    public void setProgress(Progress p) {
        progress = p;
        rebuild();
    }

    /** Selects exercise {@code id} without calling the open handler. */
    public void select(String id) {
        for (int i = 0; i < model.size(); i++) {
            CatalogEntry e = model.get(i);
            if (!e.isHeading() && e.descriptor().id().equals(id)) {
                rebuilding = true;
                list.setSelectedIndex(i);
                rebuilding = false;
                return;
            }
        }
    }

    /** The catalog's list, for tests. */
    public Fit.FitList<CatalogEntry> entries() {
        return list;
    }

    private void rebuild() {
        CatalogEntry selected = list.getSelectedValue();
        rebuilding = true;
        try {
            model.clear();
            List<CatalogEntry> lines = track != null && view.getSelectedIndex() == 0
                    ? CatalogModel.buildTrack(exercises, progress, filter.getText(), track,
                            Messages.get("catalog.track.other"))
                    : CatalogModel.build(exercises, progress, filter.getText());
            for (CatalogEntry e : lines) {
                model.addElement(e);
            }
        } finally {
            rebuilding = false;
        }
        if (selected != null && !selected.isHeading()) {
            select(selected.descriptor().id());
        }
    }

    /** The text of an exercise line, e.g. {@code "Sparse cells  ·  in progress  ·  60/100"}. */
    public static String describe(CatalogEntry e) {
        if (e.isHeading()) {
            return e.heading() != null ? e.heading() : Messages.format("catalog.chapter", e.chapter());
        }
        ExerciseProgress p = e.progress();
        String status = Messages.get("catalog.status." + p.status().name());
        String score = p.maxPoints() > 0 ? "  \u00b7  " + p.bestPoints() + "/" + p.maxPoints() : "";
        String step = e.heading() != null ? e.heading() : "";
        return step + e.descriptor().title() + "  \u00b7  " + status + score;
    }

    private static final class Renderer extends DefaultListCellRenderer {
        @Override
        public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                                                      boolean focus) {
            CatalogEntry e = (CatalogEntry) value;
            JLabel l = (JLabel) super.getListCellRendererComponent(list, describe(e), index,
                    selected && !e.isHeading(), focus && !e.isHeading());
            l.setFont(list.getFont().deriveFont(e.isHeading() ? Font.BOLD : Font.PLAIN));
            l.setBorder(BorderFactory.createEmptyBorder(e.isHeading() ? 6 : 1, e.isHeading() ? 2 : 14,
                    2, 2));
            if (!e.isHeading() && !selected && e.progress().status() == ExerciseProgress.Status.PASSED) {
                l.setForeground(UIManager.getColor("Results.pass.foreground"));
            }
            return l;
        }
    }
}
