package pagelab.app.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import pagelab.exercise.Exercise;
import pagelab.exercise.ExerciseDescriptor;

/**
 * An exercise in the catalog: the extension instance, its descriptor (read once, so a catalog never calls plugin
 * code again to draw itself), and what the grading runner needs to run it elsewhere: the plugin's class path and
 * fingerprint. Thread-safe.
 */
public final class LoadedExercise {
    private final Exercise exercise;
    private final ExerciseDescriptor descriptor;
    private final String pluginId;
    private final String pluginVersion;
    private final Path pluginPath;
    private final List<Path> classpath;
    private volatile String pluginHash;
    private final Map<String, String> titles = new ConcurrentHashMap<>();

    LoadedExercise(Exercise exercise, ExerciseDescriptor descriptor, String pluginId, String pluginVersion,
                   Path pluginPath, List<Path> classpath) {
        this.exercise = exercise;
        this.descriptor = descriptor;
        this.pluginId = pluginId;
        this.pluginVersion = pluginVersion;
        this.pluginPath = pluginPath;
        this.classpath = List.copyOf(classpath);
    }

    /** A catalog entry for an exercise that is already on the host's class path (tests, embedded use). */
    public static LoadedExercise of(Exercise exercise, String pluginId, String pluginVersion, Path pluginPath,
                                    List<Path> classpath) {
        return new LoadedExercise(exercise, exercise.descriptor(), pluginId, pluginVersion, pluginPath, classpath);
    }

    public Exercise exercise() {
        return exercise;
    }

    public ExerciseDescriptor descriptor() {
        return descriptor;
    }

    /**
     * The title in {@code locale}'s language: the first heading ({@code # ...}) of the instructions translated for
     * it, which every translation starts with, else the descriptor's English title. A translation is the one place
     * an exercise keeps its text in another language, so the catalog needs no second copy of the title.
     *
     * @param locale the reader's locale, or null for English
     */
    public String title(Locale locale) {
        if (locale == null || locale.getLanguage().isEmpty() || locale.getLanguage().equals("en")) {
            return descriptor.title();
        }
        return titles.computeIfAbsent(locale.toLanguageTag(), tag -> translatedTitle(locale));
    }

    private String translatedTitle(Locale locale) {
        try {
            boolean translated = exercise.translations().stream()
                    .anyMatch(t -> t.getLanguage().equals(locale.getLanguage()));
            if (translated) {
                for (String line : exercise.instructions(locale).split("\\R", 40)) {
                    if (line.startsWith("# ") && !line.substring(2).isBlank()) {
                        return line.substring(2).strip();
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // a plugin that cannot say: its English title
        }
        return descriptor.title();
    }

    public String id() {
        return descriptor.id();
    }

    public String pluginId() {
        return pluginId;
    }

    public String pluginVersion() {
        return pluginVersion;
    }

    public Path pluginPath() {
        return pluginPath;
    }

    /** The jars and folders to put on a class path, after the host's, to load this exercise's classes. */
    public List<Path> classpath() {
        return classpath;
    }

    /** The name of the exercise class, which the grading child instantiates itself. */
    public String exerciseClassName() {
        return exercise.getClass().getName();
    }

    /**
     * The plugin's SHA-256 (see {@link PluginFiles#sha256}), computed on first use.
     *
     * @throws UncheckedIOException if the plugin can no longer be read
     */
    public String pluginHash() {
        String h = pluginHash;
        if (h == null) {
            try {
                h = PluginFiles.sha256(pluginPath);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read plugin " + pluginPath, e);
            }
            pluginHash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        return id() + " (" + pluginId + " " + pluginVersion + ")";
    }
}
