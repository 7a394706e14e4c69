package pagelab.app.desktop.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import pagelab.app.files.DataFolder;
import pagelab.app.files.Installation;
import pagelab.app.files.SourceText;
import pagelab.app.plugins.WorkshopTrack;
import pagelab.exercise.ExerciseDescriptor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The user's data folder: {@code settings.properties}, {@code progress.json}, {@code solutions/<exercise>/<File>.java},
 * {@code sessions/} (playground sessions), {@code plugins/} (plugins the user installed) and
 * {@code last-check-<exercise>.json} (each exercise's last check, shown again after a restart).
 *
 * <p>Nothing the user wrote is ever lost or written over unread. Every write is atomic ({@link AtomicFiles}). A
 * settings or progress file that cannot be parsed (damaged, cut short, binary, too large) is moved aside as
 * {@code <name>.corrupt-<time>} and the defaults are used; one that cannot be read at all stays where it is and is
 * never saved over. Solutions follow {@link Solutions}' rules. Each such event is a {@link DataNotice}: files of the
 * whole folder are reported to the {@link #onNotice listeners} whenever they happen (during plugin loading too),
 * solution notices are returned to the editor that opened the file.
 *
 * <p>Opening the store opens the folder as a {@link DataFolder}: this process is registered in it and what killed
 * PageLab processes left behind is removed.
 *
 * <p>Thread safety: methods may be called from any thread; writes of one file are serialised on this object.
 */
public final class UserDataStore {
    /** The environment variable that overrides the default folder. */
    public static final String ENV_HOME = "PAGELAB_HOME";

    /** Settings files larger than this are not settings files (they are moved aside unread). */
    static final int MAX_SETTINGS_BYTES = 1024 * 1024;
    /** Progress files larger than this are not progress files: a class's worth of exercises is a few KB. */
    static final int MAX_JSON_BYTES = 4 * 1024 * 1024;
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path root;
    private final DataFolder folder;
    private ObjectMapper json;
    private final List<DataNotice> notices = new ArrayList<>();
    private final List<Consumer<DataNotice>> listeners = new ArrayList<>();
    // Files that exist but could not be read: never written over while this store is open.
    private final Set<Path> unread = new HashSet<>();

    /**
     * Opens (and creates) the data folder at {@code root}: registers this process in it and removes what killed
     * PageLab processes left behind (see {@link DataFolder}).
     */
    public UserDataStore(Path root) throws IOException {
        this.folder = DataFolder.open(root);
        this.root = folder.root();
        folder.warnings().forEach(w -> notice(new DataNotice(DataNotice.Kind.DATA_FOLDER, this.root, null, w)));
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

    /**
     * Where an exercise's last check is kept (see {@link LastCheck}): in the folder's top level, whose leftovers of
     * an interrupted write the data folder's sweep already knows.
     */
    public Path lastCheckFile(String exerciseId) {
        return root.resolve("last-check-" + checkName("exercise id", exerciseId) + ".json");
    }

    /** The exercise's last check, or empty if it was never checked (or the file was unreadable: then noticed). */
    public Optional<LastCheck> loadLastCheck(String exerciseId) {
        LastCheck c = load(lastCheckFile(exerciseId), LastCheck.class, null);
        return Optional.ofNullable(c).filter(x -> exerciseId.equals(x.exerciseId()));
    }

    public void saveLastCheck(LastCheck check) throws IOException {
        save(lastCheckFile(check.exerciseId()), check);
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

    /** The data folder as a {@link DataFolder}, to sweep again after a check was killed. */
    public DataFolder dataFolder() {
        return folder;
    }

    /** Messages about files that were moved aside or left unread since the store was opened, oldest first. */
    public synchronized List<String> warnings() {
        return notices.stream().map(DataNotice::message).toList();
    }

    /**
     * Calls {@code listener} with every notice about the folder's files: at once with those since the store was
     * opened, then as each arises, on the thread that caused it.
     */
    public synchronized void onNotice(Consumer<DataNotice> listener) {
        notices.forEach(listener);
        listeners.add(listener);
    }

    public Settings loadSettings() {
        Path file = settingsFile();
        byte[] bytes = read(file, MAX_SETTINGS_BYTES);
        if (bytes == null) {
            return Settings.defaults();
        }
        try {
            if (bytes.length > MAX_SETTINGS_BYTES) {
                throw new IOException("larger than " + MAX_SETTINGS_BYTES / 1024 + " KB");
            }
            return SettingsFormat.read(new String(bytes, StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException e) {
            moveAside(file, e);
            return Settings.defaults();
        }
    }

    public void saveSettings(Settings settings) throws IOException {
        byte[] bytes = SettingsFormat.write(settings).getBytes(StandardCharsets.ISO_8859_1);
        synchronized (this) {
            refuseUnread(settingsFile());
            AtomicFiles.write(settingsFile(), bytes);
        }
    }

    public Progress loadProgress() {
        return load(progressFile(), Progress.class, Progress.empty());
    }

    public void saveProgress(Progress progress) throws IOException {
        save(progressFile(), progress);
    }

    /**
     * The student's saved copy of one file of an exercise, decoded as {@link SourceText} decodes, if there is one.
     *
     * @throws IOException if it cannot be read or is not text
     */
    public Optional<String> loadSolution(String exerciseId, String fileName) throws IOException {
        Path file = solutionDir(exerciseId).resolve(checkName("file name", fileName));
        try {
            return Optional.of(SourceText.read(file).text());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Opens one file of an exercise for the editor, as {@link Solutions} describes: the student's copy if it reads,
     * else the starter code; never throws for the file's content.
     */
    public OpenedSolution openSolution(String exerciseId, String fileName, String starter) {
        Path file = solutionDir(exerciseId).resolve(checkName("file name", fileName));
        synchronized (this) {
            return Solutions.open(file, starter);
        }
    }

    /**
     * Saves the editor's text of one file, in UTF-8, over the file only if it still holds what the text came from;
     * else beside it (see {@link Solutions#save}).
     *
     * @param expected what the text came from (the last {@link OpenedSolution#origin()} or {@link
     *                 SaveOutcome#origin()})
     * @param divertTo where earlier saves of this editor were diverted, or null
     */
    public SaveOutcome saveSolution(String exerciseId, String fileName, String source, Origin expected,
                                    Path divertTo) throws IOException {
        Path file = solutionDir(exerciseId).resolve(checkName("file name", fileName));
        synchronized (this) {
            return Solutions.save(file, source, expected, divertTo);
        }
    }

    /** Replaces the student's copy unconditionally (tests and tools; the editor saves with a checked origin). */
    public void saveSolution(String exerciseId, String fileName, String source) throws IOException {
        Path file = solutionDir(exerciseId).resolve(checkName("file name", fileName));
        synchronized (this) {
            AtomicFiles.write(file, source.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The workshop track: the data folder's {@code track.txt} (decoded as a source is) when there is one and it
     * reads, else the installation's (a workshop kit's, see {@link Installation#trackFile}), else the shipped one made of the loaded exercises; an unreadable {@code track.txt} is left as it is and
     * reported.
     *
     * @param exercises the loaded exercises, which place themselves in the shipped track
     * @param locale    the UI's language, for the shipped track's stage titles
     */
    public WorkshopTrack loadTrack(Collection<ExerciseDescriptor> exercises, java.util.Locale locale) {
        Path own = root.resolve(WorkshopTrack.FILE_NAME);
        Path kit = Installation.trackFile(); // a workshop kit's track (pagelab kit --track), when started from one
        for (Path file : kit == null ? List.of(own) : List.of(own, kit)) {
            if (Files.isRegularFile(file)) {
                try {
                    return WorkshopTrack.parse(file.toString(), SourceText.read(file).text());
                } catch (IOException e) {
                    notice(new DataNotice(DataNotice.Kind.LEFT_AS_IS, file, null, e.getMessage()));
                }
            }
        }
        return WorkshopTrack.shipped(exercises, locale);
    }

    /** Forgets the student's copy of an exercise (reset to starter); the old files are kept as {@code .bak}. */
    public void deleteSolution(String exerciseId, String fileName) throws IOException {
        Path file = solutionDir(exerciseId).resolve(checkName("file name", fileName));
        if (Files.exists(file)) {
            Files.move(file, file.resolveSibling(fileName + ".bak"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes {@code value} as JSON to {@code file} atomically, unless {@code file} exists and could not be read. */
    public void save(Path file, Object value) throws IOException {
        byte[] bytes = json().writeValueAsBytes(value);
        synchronized (this) {
            refuseUnread(file);
            AtomicFiles.write(file, bytes);
        }
    }

    /**
     * Reads JSON from {@code file}; a missing file gives {@code fallback}, a corrupt one is moved aside first, and
     * one that cannot be read gives {@code fallback} and is never saved over.
     */
    public <T> T load(Path file, Class<T> type, T fallback) {
        byte[] bytes = read(file, MAX_JSON_BYTES);
        if (bytes == null) {
            return fallback;
        }
        try {
            if (bytes.length > MAX_JSON_BYTES) {
                throw new IOException("larger than " + MAX_JSON_BYTES / 1024 + " KB");
            }
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

    // Up to limit + 1 bytes of the file; null when it does not exist or cannot be read (then noticed and kept).
    private byte[] read(Path file, int limit) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(limit + 1);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            synchronized (this) {
                unread.add(file);
            }
            notice(new DataNotice(DataNotice.Kind.LEFT_AS_IS, file, null, Solutions.reason(e)));
            return null;
        }
    }

    private void refuseUnread(Path file) throws IOException {
        if (unread.contains(file)) {
            throw new IOException("PageLab does not write over " + file + ": it could not be read when PageLab "
                    + "started (repair or remove it, then restart)");
        }
    }

    private void moveAside(Path file, Exception why) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + LocalDateTime.now().format(STAMP));
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            notice(new DataNotice(DataNotice.Kind.MOVED_ASIDE, file, aside, firstLine(why)));
        } catch (IOException e) {
            synchronized (this) {
                unread.add(file);
            }
            notice(new DataNotice(DataNotice.Kind.LEFT_AS_IS, file, null, firstLine(why)
                    + "; it could not be moved aside either: " + e.getMessage()));
        }
    }

    private void notice(DataNotice n) {
        List<Consumer<DataNotice>> tell;
        synchronized (this) {
            notices.add(n);
            tell = List.copyOf(listeners);
        }
        tell.forEach(l -> l.accept(n));
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
