package pagelab.app.desktop.store;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.desktop.playground.SessionFiles;
import pagelab.app.files.SourceText;
import pagelab.app.results.ResultBundle;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds every loader of the student's files (solutions, settings, progress, playground sessions, result bundles)
 * files that are truncated, binary, wrongly encoded, oversized or damaged, at random, and checks each time: the
 * student gets a clear message naming the file, the original bytes are kept, and no other file is touched.
 * The seed is printed on failure; rerun one with {@code -Dpagelab.seed=N} ({@code -Dpagelab.cases=N} for more cases).
 */
class BadFilesRandomizedTest {
    private static final int CASES = Integer.getInteger("pagelab.cases", 60);
    private static final String ID = "sparse-cells";
    private static final String FILE = "SparseSpreadsheet.java";
    private static final List<String> COMMENTS = List.of("// plain ASCII notes", "// café: réservé puis validé",
            "// Größe der Region prüfen", "// 先保留地址空间，再按需提交页面", "// “guard” pages – they fault once…");
    private static final List<Charset> WRONG = List.of(Charset.forName("GBK"), Charset.forName("windows-1252"),
            StandardCharsets.UTF_16LE, StandardCharsets.UTF_16, StandardCharsets.ISO_8859_1, Charset.forName("Big5"));

    @TempDir
    Path dir;
    private Map<Path, byte[]> sentinels;

    /** One way of damaging a file, named for the failure message. */
    private enum Damage { NONE, TRUNCATED, BINARY, WRONG_ENCODING, OVERSIZED, BYTES_FLIPPED }

    private interface Case {
        void run(Random random, Damage damage) throws Exception;
    }

    @BeforeEach
    void otherFilesOfTheStudent() throws Exception {
        sentinels = new LinkedHashMap<>();
        sentinel("solutions/commit-on-fault/CommitOnFault.java", "class CommitOnFault { // 我的代码\n}\n");
        sentinel("solutions/sparse-cells/Other.java", "class Other {}\n");
        sentinel("sessions/mine.txt", "// PageLab playground session, x64\nVirtualAlloc(NULL, 1M, MEM_RESERVE, "
                + "PAGE_READWRITE)\n");
        sentinel("bundles/alice.zip", "PK not really");
        sentinel("plugins/exercise.jar", "PK");
    }

    @Test
    void solutions() throws Exception {
        repeat((random, damage) -> {
            String original = "class SparseSpreadsheet {\n    " + pick(random, COMMENTS) + "\n    int cells;\n}\n";
            Path file = dir.resolve("solutions/" + ID + "/" + FILE);
            byte[] bytes = damage(random, damage, original, SourceText.MAX_BYTES);
            write(file, bytes);
            UserDataStore store = new UserDataStore(dir);

            OpenedSolution o = store.openSolution(ID, FILE, "STARTER");
            SaveOutcome s = store.saveSolution(ID, FILE, o.text() + "// edited\n", o.origin(), null);

            boolean plainUtf8 = bytes.length <= SourceText.MAX_BYTES && isUtf8Text(bytes);
            if (plainUtf8) {
                assertThat(o.notice()).isNull();
            } else {
                assertClear(o.notice().message(), FILE);
                if (o.notice().keptAs() != null) {
                    assertThat(o.notice().message()).contains(o.notice().keptAs().toString());
                }
            }
            if (o.notice() != null && o.notice().kind() == DataNotice.Kind.READ_AS) {
                assertThat(o.text().getBytes(o.notice().detail())).as("decoded without loss")
                        .isEqualTo(withoutByteOrderMark(bytes, o.notice().detail()));
            }
            assertThat(s.divertedTo()).as("the file holds what the editor came from").isNull();
            if (!plainUtf8) {
                assertKeptSomewhere(file.getParent(), bytes);
            }
        });
    }

    @Test
    void settings() throws Exception {
        repeat((random, damage) -> {
            Settings valid = Settings.defaults().withTheme(random.nextBoolean() ? "dark" : "light")
                    .withFontSize(8 + random.nextInt(20)).withLastExercise(ID);
            byte[] bytes = damage(random, damage, SettingsFormat.write(valid), UserDataStore.MAX_SETTINGS_BYTES);
            Path file = dir.resolve("settings.properties");
            write(file, bytes);
            UserDataStore store = new UserDataStore(dir);

            Settings loaded = store.loadSettings();
            store.saveSettings(loaded.withFontSize(14));

            if (store.warnings().isEmpty()) {
                assertThat(damage).as("only a readable file loads without a word")
                        .isIn(Damage.NONE, Damage.TRUNCATED, Damage.BYTES_FLIPPED, Damage.WRONG_ENCODING);
            } else {
                assertThat(loaded).isEqualTo(Settings.defaults());
                assertClear(store.warnings().get(0), "settings.properties");
                assertKeptSomewhere(dir, bytes);
            }
        });
    }

    @Test
    void progress() throws Exception {
        repeat((random, damage) -> {
            Progress valid = Progress.empty();
            for (String id : List.of(ID, "commit-on-fault", "stack-guard")) {
                valid = valid.with(id, ExerciseProgress.notStarted().afterCheck(random.nextInt(11), 10, 1L));
            }
            String json = new String(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(valid),
                    StandardCharsets.UTF_8);
            byte[] bytes = damage(random, damage, json, UserDataStore.MAX_JSON_BYTES);
            Path file = dir.resolve("progress.json");
            write(file, bytes);
            UserDataStore store = new UserDataStore(dir);

            Progress loaded = store.loadProgress();
            store.saveProgress(loaded.with("new", ExerciseProgress.notStarted().afterCheck(1, 2, 3L)));

            if (store.warnings().isEmpty()) {
                assertThat(loaded).as("read without a word, so it must be the file's content").isNotNull();
                assertThat(damage).isNotIn(Damage.BINARY, Damage.OVERSIZED);
            } else {
                assertThat(loaded).isEqualTo(Progress.empty());
                assertClear(store.warnings().get(0), "progress.json");
                assertKeptSomewhere(dir, bytes);
            }
        });
    }

    @Test
    void playgroundSessions() throws Exception {
        repeat((random, damage) -> {
            String original = "// PageLab playground session, x86\np = VirtualAlloc(NULL, 1M, MEM_RESERVE, "
                    + "PAGE_READWRITE)\n" + pick(random, COMMENTS) + "\nsetInt(p, 42)\n";
            byte[] bytes = damage(random, damage, original, SourceText.MAX_BYTES);
            Path file = dir.resolve("sessions/session.txt");
            write(file, bytes);

            try {
                SessionFiles.Saved saved = SessionFiles.load(file);
                assertThat(damage).isNotEqualTo(Damage.OVERSIZED);
                assertThat(saved.lines()).allSatisfy(l -> assertThat(l).doesNotContain("\u0000"));
            } catch (IOException e) {
                assertThat(damage).isNotEqualTo(Damage.NONE);
                assertThat(e.getMessage()).isNotBlank().doesNotContain("Input length")
                        .containsAnyOf("not text", "no encoding", "larger than", "byte-order mark");
            }
            assertThat(file).hasBinaryContent(bytes);
        });
    }

    @Test
    void resultBundles() throws Exception {
        repeat((random, damage) -> {
            Path zip = dir.resolve("bundles/bob.zip");
            Files.createDirectories(zip.getParent());
            String source = "class SparseSpreadsheet {\n    " + pick(random, COMMENTS) + "\n}\n";
            byte[] valid = bundle(source);
            byte[] bytes = switch (damage) {
                // a zip passed through a text editor: every byte above 0x7F becomes two
                case WRONG_ENCODING -> new String(valid, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8);
                case BINARY -> damage(random, damage, "", 0);
                case OVERSIZED -> bundle(source + "//".repeat(1_500_000)); // a source past the 2 MB an entry may have
                default -> damageBytes(random, damage, valid);
            };
            write(zip, bytes);

            try {
                ResultBundle.read(zip);
            } catch (IOException e) {
                assertThat(damage).isNotEqualTo(Damage.NONE);
                assertClear(e.getMessage(), "bob.zip");
            }
            assertThat(zip).hasBinaryContent(bytes);
        });
    }

    /** A result bundle as {@code pagelab check --bundle} writes one: the manifest and the graded source. */
    private static byte[] bundle(String source) throws IOException {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", ResultBundle.FORMAT);
        manifest.put("exerciseId", ID);
        manifest.put("pluginId", "sparse-cells-plugin");
        manifest.put("pluginVersion", "1.0.0");
        manifest.put("seed", 1);
        manifest.put("sourceFiles", Map.of(FILE, "ef"));
        manifest.put("points", 10);
        manifest.put("maxPoints", 10);
        manifest.put("checks", List.of(Map.of("id", "c", "title", "C", "status", "PASS", "points", 10,
                "maxPoints", 10)));
        var out = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(out)) {
            zip.putNextEntry(new java.util.zip.ZipEntry(ResultBundle.MANIFEST));
            zip.write(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(manifest));
            zip.putNextEntry(new java.util.zip.ZipEntry("sources/" + FILE));
            zip.write(source.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private void repeat(Case c) throws Exception {
        long seed = Long.getLong("pagelab.seed", System.nanoTime());
        Random random = new Random(seed);
        for (int i = 0; i < CASES; i++) {
            Damage damage = Damage.values()[random.nextInt(Damage.values().length)];
            try {
                c.run(random, damage);
                for (Map.Entry<Path, byte[]> s : sentinels.entrySet()) {
                    assertThat(s.getKey()).as("another file of the student").hasBinaryContent(s.getValue());
                }
            } catch (Exception | AssertionError e) {
                throw new AssertionError("seed " + seed + " (rerun with -Dpagelab.seed=" + seed + "), case " + i
                        + ", damage " + damage + ": " + e.getMessage(), e);
            }
            clearAllButSentinels();
        }
    }

    private static byte[] damage(Random random, Damage damage, String original, int limit) {
        byte[] utf8 = original.getBytes(StandardCharsets.UTF_8);
        return switch (damage) {
            case WRONG_ENCODING -> {
                Charset c = pick(random, WRONG);
                yield c.newEncoder().canEncode(original) ? original.getBytes(c) : utf8;
            }
            case BINARY -> {
                byte[] b = new byte[1 + random.nextInt(5000)];
                random.nextBytes(b);
                yield b;
            }
            case OVERSIZED -> {
                StringBuilder sb = new StringBuilder(original);
                while (sb.length() <= limit) {
                    sb.append("// padding padding padding padding padding padding padding padding\n");
                }
                yield sb.toString().getBytes(StandardCharsets.UTF_8);
            }
            default -> damageBytes(random, damage, utf8);
        };
    }

    private static byte[] damageBytes(Random random, Damage damage, byte[] valid) {
        return switch (damage) {
            case TRUNCATED -> Arrays.copyOf(valid, random.nextInt(valid.length));
            case BYTES_FLIPPED -> {
                byte[] b = valid.clone();
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    b[random.nextInt(b.length)] ^= (byte) (1 + random.nextInt(255));
                }
                yield b;
            }
            default -> valid;
        };
    }

    // SourceText drops a byte-order mark; the encoders of UTF-16BE/LE write none.
    private static byte[] withoutByteOrderMark(byte[] b, String encoding) {
        boolean utf16Mark = encoding.startsWith("UTF-16") && b.length >= 2
                && ((b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF || (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE);
        return utf16Mark ? Arrays.copyOfRange(b, 2, b.length) : b;
    }

    private static boolean isUtf8Text(byte[] bytes) {
        try {
            SourceText t = SourceText.decode(bytes, StandardCharsets.UTF_8);
            return t.isUtf8();
        } catch (SourceText.UnreadableException e) {
            return false;
        }
    }

    private static void assertClear(String message, String fileName) {
        assertThat(message).as("a message for the student").contains(fileName).doesNotContain("Input length")
                .doesNotContain("NullPointerException").doesNotContain("\tat ");
    }

    private static void assertKeptSomewhere(Path folder, byte[] bytes) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> same = new ArrayList<>();
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (Files.size(p) == bytes.length && Arrays.equals(Files.readAllBytes(p), bytes)) {
                    same.add(p);
                }
            }
            assertThat(same).as("the original bytes are kept in %s", folder).isNotEmpty();
        }
    }

    private void sentinel(String relative, String text) throws IOException {
        Path p = dir.resolve(relative);
        write(p, text.getBytes(StandardCharsets.UTF_8));
        sentinels.put(p, text.getBytes(StandardCharsets.UTF_8));
    }

    private void clearAllButSentinels() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                if (!sentinels.containsKey(p) && !p.startsWith(dir.resolve(".running"))) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
