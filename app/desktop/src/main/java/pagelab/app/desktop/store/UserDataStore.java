package pagelab.app.desktop.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The user's data folder: {@code settings.properties}, {@code progress.json}, {@code solutions/<exercise>/<File>.java},
 * {@code sessions/} (playground sessions) and {@code plugins/} (plugins the user installed).
 *
 * <p>Every write is atomic ({@link AtomicFiles}). A settings or progress file that cannot be parsed is moved aside
 * as {@code <name>.corrupt-<time>} and the defaults are used; the move is reported through {@link #warnings()}
 * so the desktop can tell the user, and nothing the user wrote is deleted.
 *
 * <p>Thread safety: methods may be called from any thread; writes of one file are serialised on this object.
 */
public final class UserDataStore {
    /** The environment variable that overrides the default folder. */
    public static final String ENV_HOME = "PAGELAB_HOME";

    /** Temporary files older than this are a crash's leftovers; younger ones may be another process's write. */
    static final java.time.Duration LEFTOVER_AGE = java.time.Duration.ofMinutes(2);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path root;
    private ObjectMapper json;
    private final List<String> warnings = new ArrayList<>();

    /** Opens (and creates) the data folder at {@code root}, removing temporary files a crash left behind. */
    public UserDataStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        Files.createDirectories(this.root);
        AtomicFiles.removeLeftovers(this.root, LEFTOVER_AGE);
    }

    // Created on first use: Jackson's class loading is too slow for the path to the first painted window.
    private synchronized ObjectMapper json() {
        if (json == null) {
            json = new ObjectMapper()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(SerializationFeature.INDENT_OUTPUT);
        }
        return json;
    }

    /**
     * The folder to use: {@code dataDirFlag} if given, else {@code $PAGELAB_HOME}, else {@code ~/.pagelab}.
     */
    public static Path resolveRoot(String dataDirFlag, Map<String, String> env) {
        if (dataDirFlag != null && !dataDirFlag.isBlank()) {
            return Path.of(dataDirFlag);
        }
        String home = env.get(ENV_HOME);
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("user.home"), ".pagelab");
    }

    public Path root() {
        return root;
    }

    public Path settingsFile() {
        return root.resolve("settings.properties");
    }

    public Path progressFile() {
        return root.resolve("progress.json");
    }

    public Path sessionsDir() {
        return root.resolve("sessions");
    }

    public Path pluginsDir() {
        return root.resolve("plugins");
    }

    /** The folder of one exercise's solution files. */
    public Path solutionDir(String exerciseId) {
        return root.resolve("solutions").resolve(checkName("exercise id", exerciseId));
    }

    /** Messages about files that were moved aside since the store was opened, oldest first. */
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    public Settings loadSettings() {
        Path file = settingsFile();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return Settings.defaults();
        } catch (IOException e) {
            warn("Cannot read " + file + " (" + e.getMessage() + "); using defaults");
            return Settings.defaults();
        }
        try {
            return SettingsFormat.read(text);
        } catch (IOException | RuntimeException e) {
            moveAside(file, e);
            return Settings.defaults();
        }
    }

    public void saveSettings(Settings settings) throws IOException {
        byte[] bytes = SettingsFormat.write(settings).getBytes(StandardCharsets.ISO_8859_1);
        synchronized (this) {
            AtomicFiles.write(settingsFile(), bytes);
        }
    }

    public Progress loadProgress() {
        return load(progressFile(), Progress.class, Progress.empty());
    }

    public void saveProgress(Progress progress) throws IOException {
        save(progressFile(), progress);
    }

    /** The student's saved copy of one file of an exercise, if there is one. */
    public Optional<String> loadSolution(String exerciseId, String fileName) throws IOException {
        Path file = solutionDir(exerciseId).resolve(checkName("file name", fileName));
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    public void saveSolution(String exerciseId, String fileName, String source) throws IOException {
        Path file = solutionDir(exerciseId).resolve(checkName("file name", fileName));
        synchronized (this) {
            AtomicFiles.write(file, source.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Forgets the student's copy of an exercise (reset to starter); the old files are kept as {@code .bak}. */
    public void deleteSolution(String exerciseId, String fileName) throws IOException {
        Path file = solutionDir(exerciseId).resolve(checkName("file name", fileName));
        if (Files.exists(file)) {
            Files.move(file, file.resolveSibling(fileName + ".bak"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code value} as JSON to {@code file} atomically. */
    public void save(Path file, Object value) throws IOException {
        byte[] bytes = json().writeValueAsBytes(value);
        synchronized (this) {
            AtomicFiles.write(file, bytes);
        }
    }

    /** Reads JSON from {@code file}; a missing file gives {@code fallback}, a corrupt one is moved aside first. */
    public <T> T load(Path file, Class<T> type, T fallback) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return fallback;
        } catch (IOException e) {
            warn("Cannot read " + file + " (" + e.getMessage() + "); using defaults");
            return fallback;
        }
        try {
            T value = json().readValue(bytes, type);
            if (value == null) {
                throw new JsonProcessingException("the file holds null") { };
            }
            return value;
        } catch (IOException | RuntimeException e) {
            moveAside(file, e);
            return fallback;
        }
    }

    private void moveAside(Path file, Exception why) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + LocalDateTime.now().format(STAMP));
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            warn(file.getFileName() + " could not be read (" + firstLine(why) + "); it was moved to " + aside
                    + " and the defaults are used");
        } catch (IOException e) {
            warn(file.getFileName() + " could not be read (" + firstLine(why) + ") nor moved aside ("
                    + e.getMessage() + "); the defaults are used");
        }
    }

    private synchronized void warn(String message) {
        warnings.add(message);
    }

    private static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static String checkName(String what, String name) {
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a valid " + what + ": \"" + name
                    + "\" (letters, digits, '.', '_' and '-' only)");
        }
        return name;
    }
}
