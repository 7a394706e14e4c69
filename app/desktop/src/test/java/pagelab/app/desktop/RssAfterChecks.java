package pagelab.app.desktop;

import pagelab.app.desktop.store.Settings;
import pagelab.app.desktop.store.UserDataStore;
import pagelab.exercise.ExerciseDescriptor;

import javax.swing.SwingUtilities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Measures the desktop's resident memory after a session of checks (not a test): opens the real app on a fresh
 * data folder, checks the starter of up to N exercises one after another, steps through each failed run, types a
 * playground session, then prints VmRSS and VmHWM of this JVM (the grading children are other processes).
 * {@code xvfb-run -a java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp ... pagelab.app.desktop.RssAfterChecks ROOT [N]}
 */
public final class RssAfterChecks {
    private RssAfterChecks() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("pagelab.dev.root", args[0]);
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        UserDataStore store = new UserDataStore(Files.createTempDirectory("pagelab-rss"));
        Messages.use(Locale.ENGLISH);
        com.formdev.flatlaf.FlatLaf.registerCustomDefaultsSource("pagelab.app.desktop");
        AtomicReference<MainFrame> ref = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            Settings s = store.loadSettings();
            Themes.apply(s.dark(), s.fontSize());
            MainFrame f = new MainFrame(store, s);
            f.setVisible(true);
            ref.set(f);
        });
        MainFrame frame = ref.get();
        waitUntil(() -> frame.workbench().openExercise() != null);
        List<String> ids = new ArrayList<>();
        // The catalog's exercises, in its order.
        AtomicReference<List<ExerciseDescriptor>> all = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            List<ExerciseDescriptor> out = new ArrayList<>();
            var model = frame.workbench().catalog().entries().getModel();
            for (int i = 0; i < model.getSize(); i++) {
                if (!model.getElementAt(i).isHeading()) {
                    out.add(model.getElementAt(i).descriptor());
                }
            }
            all.set(out);
        });
        all.get().stream().limit(n).forEach(d -> ids.add(d.id()));
        long start = System.nanoTime();
        int[] results = new int[1];
        for (String id : ids) {
            SwingUtilities.invokeAndWait(() -> frame.workbench().openExercise(id));
            SwingUtilities.invokeAndWait(() -> frame.workbench().checkActionPerformed());
            waitUntil(() -> !frame.workbench().results().isChecking()
                    && frame.workbench().results().resultList().getModel().getSize() > 0);
            SwingUtilities.invokeAndWait(() -> {
                results[0] += frame.workbench().results().resultList().getModel().getSize();
                var cursor = frame.runViewer().cursor();
                for (int s = 0; s <= cursor.timeline().lastStep(); s++) {
                    cursor.setStep(s);
                }
            });
        }
        SwingUtilities.invokeAndWait(() -> frame.showTab(frame.playground()));
        for (String line : List.of("p = VirtualAlloc(NULL, 1M, MEM_RESERVE, PAGE_READWRITE)",
                "VirtualAlloc(p, 16K, MEM_COMMIT, PAGE_READWRITE)", "setInt(p, 42)", "setInt(p + 64K, 1)",
                "VirtualQuery(p)")) {
            SwingUtilities.invokeAndWait(() -> frame.playground().type(line));
        }
        waitUntil(() -> frame.playground().outputText().contains("RegionSize"));
        Thread.sleep(1000);
        System.out.printf("checked %d exercises (%d results listed) in %d s%n", ids.size(), results[0],
                (System.nanoTime() - start) / 1_000_000_000L);
        for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (l.startsWith("VmRSS") || l.startsWith("VmHWM")) {
                System.out.println(l.replaceAll("\\s+", " "));
            }
        }
        SwingUtilities.invokeAndWait(frame::closeWindow);
        System.exit(0);
    }

    private interface Test {
        boolean ok() throws Exception;
    }

    private static void waitUntil(Test test) throws Exception {
        long end = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < end) {
            AtomicReference<Boolean> ok = new AtomicReference<>(false);
            SwingUtilities.invokeAndWait(() -> {
                try {
                    ok.set(test.ok());
                } catch (Exception e) {
                    ok.set(false);
                }
            });
            if (ok.get()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("timed out");
    }
}
