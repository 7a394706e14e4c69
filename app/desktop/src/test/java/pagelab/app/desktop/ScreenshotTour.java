package pagelab.app.desktop;

import pagelab.app.desktop.store.Settings;
import pagelab.app.desktop.store.UserDataStore;

import javax.swing.SwingUtilities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Takes the screenshots of docs/screenshots from the real app under Xvfb (not a test):
 * {@code xvfb-run -a -s "-screen 0 1600x1000x24" java -cp ... pagelab.app.desktop.ScreenshotTour OUT_DIR ROOT
 * [LANG] [WIDTHxHEIGHT]}. Each picture is the window at that size (default 1180x780, the desktop's default),
 * cropped from the X screen captured with ImageMagick's {@code import -window root}.
 */
public final class ScreenshotTour {
    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        System.setProperty("pagelab.dev.root", args[1]);
        Files.createDirectories(out);
        // An optional third argument takes the tour in another UI language, e.g. zh-CN (files get a -zh-CN suffix).
        String lang = args.length > 2 ? args[2] : "en";
        Locale locale = Locale.forLanguageTag(lang);
        String size = args.length > 3 ? args[3] : "1180x780";
        int w = Integer.parseInt(size.substring(0, size.indexOf('x')));
        int h = Integer.parseInt(size.substring(size.indexOf('x') + 1));
        // Files are named e.g. workbench-dark.png (English, default size), workbench-dark-zh-CN-1024x700.png.
        String suffix = ("en".equals(lang) ? "" : "-" + lang) + ("1180x780".equals(size) ? "" : "-" + size);
        for (String theme : new String[] {"light", "dark"}) {
            tour(out, theme, locale, suffix, w, h);
        }
        System.exit(0);
    }

    private static void tour(Path out, String theme, Locale locale, String suffix, int w, int h) throws Exception {
        Path data = Files.createTempDirectory("pagelab-tour");
        UserDataStore store = new UserDataStore(data);
        store.saveSettings(Settings.defaults().withTheme(theme).withWindow(
                new pagelab.app.desktop.store.WindowLayout(0, 0, w, h, false, java.util.Map.of(), 0)));
        Messages.use(locale);
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
        SwingUtilities.invokeAndWait(() -> frame.workbench().checkActionPerformed());
        waitUntil(() -> frame.workbench().results().resultList().getModel().getSize() > 0
                && !frame.workbench().results().isChecking());
        Thread.sleep(1500);
        shot(frame, out.resolve("workbench-" + theme + suffix + ".png"));

        // The first failed check's run, stepped halfway through in the memory map.
        SwingUtilities.invokeAndWait(() -> {
            frame.showTab(frame.runViewer());
            var cursor = frame.runViewer().cursor();
            cursor.setStep(Math.max(1, cursor.timeline().lastStep() * 2 / 3));
        });
        Thread.sleep(1000);
        shot(frame, out.resolve("checkrun-" + theme + suffix + ".png"));

        SwingUtilities.invokeAndWait(() -> frame.showTab(frame.playground()));
        String[] session = {
            "p = VirtualAlloc(NULL, 1M, MEM_RESERVE, PAGE_READWRITE)",
            "VirtualAlloc(p, 16K, MEM_COMMIT, PAGE_READWRITE)",
            "VirtualAlloc(p + 16K, 4K, MEM_COMMIT, PAGE_READWRITE | PAGE_GUARD)",
            "setInt(p, 42)",
            "getInt(p + 16K)",
            "setInt(p + 64K, 1)",
            "VirtualQuery(p + 16K)"};
        for (String line : session) {
            SwingUtilities.invokeAndWait(() -> frame.playground().type(line));
        }
        waitUntil(() -> frame.playground().outputText().contains("RegionSize"));
        Thread.sleep(1000);
        shot(frame, out.resolve("playground-" + theme + suffix + ".png"));

        SwingUtilities.invokeAndWait(() -> {
            var viewer = frame.playground().viewer();
            viewer.cursor().setStep(viewer.cursor().timeline().lastStep() - 1);
        });
        Thread.sleep(1000);
        shot(frame, out.resolve("fault-" + theme + suffix + ".png"));

        SwingUtilities.invokeAndWait(() -> frame.showTab(frame.pluginManager()));
        Thread.sleep(800);
        shot(frame, out.resolve("plugins-" + theme + suffix + ".png"));
        SwingUtilities.invokeAndWait(frame::closeWindow);
        Thread.sleep(500);
    }

    private static void shot(MainFrame frame, Path file) throws Exception {
        AtomicReference<java.awt.Rectangle> bounds = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> bounds.set(frame.getBounds()));
        java.awt.Rectangle b = bounds.get();
        String crop = b.width + "x" + b.height + "+" + b.x + "+" + b.y;
        Process p = new ProcessBuilder("import", "-window", "root", "-crop", crop, "+repage", file.toString())
                .inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
        System.out.println("saved " + file);
    }

    private interface Test {
        boolean ok() throws Exception;
    }

    private static void waitUntil(Test test) throws Exception {
        long end = System.currentTimeMillis() + 180_000;
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
        throw new IllegalStateException("tour: timed out");
    }
}
