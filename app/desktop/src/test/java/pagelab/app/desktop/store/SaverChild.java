package pagelab.app.desktop.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A child JVM for {@link AtomicFilesKillTest}: saves generation after generation of the same files until it is
 * killed, and prints {@code saved} once the first generation is on disk.
 */
public final class SaverChild {
    static final int PAYLOAD = 200_000;

    private SaverChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        UserDataStore store = new UserDataStore(dir);
        for (int gen = 1; ; gen++) {
            for (int f = 0; f < 3; f++) {
                AtomicFiles.write(dir.resolve("file" + f + ".txt"), content(gen));
            }
            store.saveSettings(Settings.defaults().withFontSize(8 + gen % 20).withLastExercise("gen-" + gen));
            store.saveSolution("sparse-cells", "SparseCells.java", new String(content(gen), StandardCharsets.UTF_8));
            if (gen == 1) {
                System.out.println("saved");
                System.out.flush();
            }
        }
    }

    /** A header, a payload that depends on the generation, and a trailer: any torn write shows. */
    static byte[] content(int gen) {
        byte[] payload = new byte[PAYLOAD];
        Arrays.fill(payload, (byte) ('a' + gen % 26));
        String text = "gen=" + gen + "\n" + new String(payload, StandardCharsets.US_ASCII) + "\nend=" + gen + "\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** The generation {@code bytes} hold if they are one complete {@link #content}, else -1. */
    static int generationOf(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (!text.startsWith("gen=")) {
            return -1;
        }
        int nl = text.indexOf('\n');
        int gen;
        try {
            gen = Integer.parseInt(text.substring(4, nl));
        } catch (RuntimeException e) {
            return -1;
        }
        return Arrays.equals(bytes, content(gen)) ? gen : -1;
    }
}
