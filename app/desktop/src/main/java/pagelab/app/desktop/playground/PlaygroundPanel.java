package pagelab.app.desktop.playground;

import net.miginfocom.swing.MigLayout;
import pagelab.app.desktop.Messages;
import pagelab.app.desktop.Ui;
import pagelab.app.desktop.memorymap.RunViewer;
import pagelab.kernel.MachineConfig;

import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import java.awt.Font;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * The playground tab: a console on the left where the student types Win32 calls, the memory map of the process
 * on the right. Calls run on one worker thread that owns the {@link PlaygroundSession}; the EDT only receives
 * immutable outcomes.
 */
public final class PlaygroundPanel extends JPanel {
    private final Path sessionsDir;
    private final JTextArea output = new JTextArea();
    private final JTextField input = new JTextField();
    private final JComboBox<String> architecture = new JComboBox<>(new String[] {"x86", "x64"});
    private final RunViewer viewer;
    private final JPopupMenu sessionMenu = new JPopupMenu();
    private final List<String> history = new ArrayList<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "playground-kernel");
        t.setDaemon(true);
        return t;
    });
    private int historyPos;
    private PlaygroundSession session; // confined to the worker thread
    private List<String> sessionLines = List.of();
    private boolean session64;

    public PlaygroundPanel(Path sessionsDir, BiConsumer<String, JSplitPane> remember) {
        super(new MigLayout("insets 0, fill"));
        this.sessionsDir = sessionsDir;
        setName("playground");
        viewer = new RunViewer("playgroundViewer", remember);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, initConsole(), viewer);
        split.setResizeWeight(0.35);
        add(split, "grow");
        remember.accept("playground.split", split);
        print(Messages.get("playground.welcome"));
    }

    private JPanel initConsole() {
        JPanel p = new JPanel(new MigLayout("insets 6, fill", "[grow]", "[][grow][]"));
        JPanel bar = new JPanel(new MigLayout("insets 0, gap 4"));
        architecture.setName("playgroundArchitecture");
        bar.add(architecture);
        bar.add(named(Ui.button("playground.newProcess", this::newProcessActionPerformed), "playgroundNew"));
        // Open, Save and Copy as Java share one menu button: four buttons side by side were cut off in a console
        // pane a third of a 1024-pixel window wide.
        sessionMenu.add(named(Ui.item("playground.open", null, this::openActionPerformed), "playgroundOpen"));
        sessionMenu.add(named(Ui.item("playground.save", null, this::saveActionPerformed), "playgroundSave"));
        sessionMenu.add(named(Ui.item("playground.copyJava", null, this::copyJavaActionPerformed),
                "playgroundCopyJava"));
        JButton sessionButton = named(Ui.button("playground.session", () -> { }), "playgroundSession");
        sessionButton.setAction(Ui.action("playground.session", () -> sessionMenu.show(sessionButton, 0,
                sessionButton.getHeight())));
        Ui.label(sessionButton, Messages.get("playground.session"));
        sessionButton.setToolTipText(Messages.get("playground.session.tip"));
        bar.add(sessionButton);
        p.add(bar, "wmin 0, wrap");
        output.setName("playgroundOutput");
        output.setEditable(false);
        // Wrapped: the console is a third of the window, and a call's answer must not hide behind a scroll bar.
        output.setLineWrap(true);
        output.setWrapStyleWord(true);
        output.setFont(new Font(Font.MONOSPACED, Font.PLAIN, output.getFont().getSize()));
        p.add(new JScrollPane(output), "grow, wmin 0, wrap");
        input.setName("playgroundInput");
        input.setFont(output.getFont());
        input.putClientProperty("JTextField.placeholderText", Messages.get("playground.placeholder"));
        input.addActionListener(e -> runActionPerformed());
        input.getInputMap().put(KeyStroke.getKeyStroke("UP"), "historyBack");
        input.getActionMap().put("historyBack", Ui.action("playground.history", () -> history(-1)));
        input.getInputMap().put(KeyStroke.getKeyStroke("DOWN"), "historyForward");
        input.getActionMap().put("historyForward", Ui.action("playground.history", () -> history(1)));
        JLabel prompt = new JLabel(">");
        prompt.setLabelFor(input);
        p.add(prompt, "split 2");
        p.add(input, "growx, wmin 0");
        return p;
    }

    private static <T extends JComponent> T named(T c, String name) {
        c.setName(name);
        return c;
    }

    private void history(int delta) {
        if (history.isEmpty()) {
            return;
        }
        historyPos = Math.max(0, Math.min(history.size(), historyPos + delta));
        input.setText(historyPos < history.size() ? history.get(historyPos) : "");
    }

    private void runActionPerformed() {
        String line = input.getText();
        input.setText("");
        if (line.isBlank()) {
            return;
        }
        history.add(line);
        historyPos = history.size();
        if (line.trim().equalsIgnoreCase("help")) {
            print("> help\n" + Messages.format("playground.help", String.join(", ", Invoker.names())));
            return;
        }
        submit(List.of(line), false, architecture.getSelectedIndex() == 1);
    }

    private void newProcessActionPerformed() {
        submit(List.of(), true, architecture.getSelectedIndex() == 1);
    }

    /** Runs {@code lines} on the worker, first starting a new process if {@code fresh} or if there is none. */
    private void submit(List<String> lines, boolean fresh, boolean is64) {
        worker.submit(() -> {
            StringBuilder text = new StringBuilder();
            try {
                if (fresh || session == null) {
                    if (session != null) {
                        session.close();
                    }
                    session = null;
                    MachineConfig config = (is64 ? MachineConfig.x64() : MachineConfig.x86()).seed(1);
                    session = new PlaygroundSession(config);
                    text.append(Messages.format("playground.started", is64 ? "x64" : "x86")).append('\n');
                }
                PlaygroundSession.Outcome last = null;
                for (String line : lines) {
                    last = session.run(line);
                    text.append("> ").append(line.trim()).append('\n').append(last.text()).append('\n');
                }
                var timeline = session.timeline();
                List<String> done = session.lines();
                boolean s64 = session.is64();
                SwingUtilities.invokeLater(() -> {
                    sessionLines = done;
                    session64 = s64;
                    print(text.toString().stripTrailing());
                    viewer.show(timeline);
                });
            } catch (RuntimeException | LinkageError e) {
                String why = Messages.format("playground.noKernel", e.getMessage());
                SwingUtilities.invokeLater(() -> print(why));
            }
        });
    }

    private void openActionPerformed() {
        JFileChooser chooser = new JFileChooser(sessionsDir.toFile());
        if (chooser.showOpenDialog(this) != JFileChooser.APPROVE_OPTION) {
            return;
        }
        replay(chooser.getSelectedFile().toPath());
    }

    /** Starts a new process and runs a saved session's lines in it. */
    public void replay(Path file) {
        try {
            SessionFiles.Saved saved = SessionFiles.load(file);
            architecture.setSelectedIndex(saved.is64() ? 1 : 0);
            print(Messages.format("playground.replaying", file));
            submit(saved.lines(), true, saved.is64());
        } catch (IOException e) {
            print(Messages.format("playground.openFailed", file, e.getMessage()));
        }
    }

    private void saveActionPerformed() {
        try {
            Files.createDirectories(sessionsDir);
        } catch (IOException e) {
            print(Messages.format("playground.saveFailed", sessionsDir, e.getMessage()));
            return;
        }
        JFileChooser chooser = new JFileChooser(sessionsDir.toFile());
        chooser.setSelectedFile(sessionsDir.resolve("session.txt").toFile());
        if (chooser.showSaveDialog(this) == JFileChooser.APPROVE_OPTION) {
            save(chooser.getSelectedFile().toPath());
        }
    }

    /** Saves the lines run in the current process. */
    public void save(Path file) {
        try {
            SessionFiles.save(file, sessionLines, session64);
            print(Messages.format("playground.saved", file));
        } catch (IOException e) {
            print(Messages.format("playground.saveFailed", file, e.getMessage()));
        }
    }

    private void copyJavaActionPerformed() {
        String java = SessionFiles.javaSkeleton(sessionLines);
        try {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(java), null);
            print(Messages.get("playground.copied"));
        } catch (IllegalStateException e) {
            print(java);
        }
    }

    private void print(String text) {
        if (!text.isEmpty()) {
            output.append(text + "\n");
            output.setCaretPosition(output.getDocument().getLength());
        }
    }

    /** Runs {@code line} as if the student typed it and pressed Enter. */
    public void type(String line) {
        input.setText(line);
        runActionPerformed();
    }

    public String outputText() {
        return output.getText();
    }

    /** The Session menu (Open, Save, Copy as Java). */
    public JPopupMenu sessionMenu() {
        return sessionMenu;
    }

    public RunViewer viewer() {
        return viewer;
    }

    /** Ends the worker and the simulated machine; waits briefly for a running call. */
    public void close() {
        worker.submit(() -> {
            if (session != null) {
                session.close();
            }
        });
        worker.shutdown();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
