package pagelab.app.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import pagelab.app.files.Installation;
import pagelab.exercise.ExerciseDescriptor;

/**
 * A workshop track: an ordered, self-paced path through the exercises, in stages. The shipped track is built from
 * the loaded exercises: the host names the stages (a resource), each exercise says where it goes in them
 * ({@link ExerciseDescriptor#onTrack}), so that an exercise joins the track without a list to edit. A workshop
 * leader replaces it with {@code track.txt} in the user data folder. The format is plain text: a line
 * {@code == title} starts a stage, any other non-blank line not starting with {@code #} is an exercise id.
 *
 * @param source where the track was read from, for messages
 */
public record WorkshopTrack(String source, List<Stage> stages) {
    /** The file name a workshop leader's own track has in the data folder. */
    public static final String FILE_NAME = "track.txt";
    private static final String RESOURCE = "workshop-track.txt";

    /** One stage of the track: a title and its exercise ids in order. */
    public record Stage(String title, List<String> exerciseIds) {
        public Stage {
            exerciseIds = List.copyOf(exerciseIds);
        }
    }

    public WorkshopTrack {
        stages = List.copyOf(stages);
    }

    /**
     * The data folder's {@code track.txt} if there is one and it reads, else the installation's (a workshop kit's:
     * {@link Installation#trackFile}), else the shipped track of {@code exercises}
     * (see {@link #shipped}). Never throws: an unreadable file falls back to the shipped track (the caller can tell
     * from {@link #source()}).
     *
     * @param exercises the loaded exercises
     */
    public static WorkshopTrack load(Path dataDir, Collection<ExerciseDescriptor> exercises) {
        List<Path> files = new ArrayList<>();
        if (dataDir != null) {
            files.add(dataDir.resolve(FILE_NAME));
        }
        if (Installation.trackFile() != null) { // a workshop kit's own track
            files.add(Installation.trackFile());
        }
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                try {
                    return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
                } catch (IOException | RuntimeException e) {
                    // the next one, or the shipped track
                }
            }
        }
        return shipped(exercises);
    }

    /** The shipped track with English stage titles (see {@link #shipped(Collection, Locale)}). */
    public static WorkshopTrack shipped(Collection<ExerciseDescriptor> exercises) {
        return shipped(exercises, null);
    }

    /**
     * The shipped track: the host's stages, each with the exercises that place themselves in it, by step then id.
     * An exercise placed in a stage the host does not name gets a stage of its own, after the named ones. Stage
     * titles are in {@code locale}'s language when the host has them ({@code workshop-track_zh_CN.txt} beside the
     * English {@code workshop-track.txt}, the same stages in the same order), else in English.
     *
     * @param locale the reader's locale, or null for English
     */
    public static WorkshopTrack shipped(Collection<ExerciseDescriptor> exercises, Locale locale) {
        List<String> english = titles(null);
        List<String> translated = titles(locale);
        // a translation that lost or gained a stage is not used (WorkshopTrackTest keeps them in step)
        List<String> titles = translated.size() == english.size() ? translated : english;
        Map<Integer, List<String>> byStage = new TreeMap<>();
        exercises.stream().filter(d -> d.track() != null)
                .sorted(Comparator.comparing(ExerciseDescriptor::track).thenComparing(ExerciseDescriptor::id))
                .forEach(d -> byStage.computeIfAbsent(d.track().stage(), k -> new ArrayList<>()).add(d.id()));
        List<Stage> stages = new ArrayList<>();
        for (int i = 1; i <= titles.size(); i++) {
            stages.add(new Stage(titles.get(i - 1), byStage.getOrDefault(i, List.of())));
        }
        byStage.forEach((n, ids) -> {
            if (n > titles.size()) {
                stages.add(new Stage(n + ".", ids));
            }
        });
        return new WorkshopTrack("shipped track", stages);
    }

    /** The stage titles of the host's track resource for {@code locale} (null: English); empty if there is none. */
    static List<String> titles(Locale locale) {
        List<String> names = new ArrayList<>();
        if (locale != null && !locale.getLanguage().isEmpty() && !locale.getLanguage().equals("en")) {
            if (!locale.getCountry().isEmpty()) {
                names.add("workshop-track_" + locale.getLanguage() + "_" + locale.getCountry() + ".txt");
            }
            names.add("workshop-track_" + locale.getLanguage() + ".txt");
        } else {
            names.add(RESOURCE);
        }
        for (String name : names) {
            try (InputStream in = WorkshopTrack.class.getResourceAsStream(name)) {
                if (in != null) {
                    List<String> titles = new ArrayList<>();
                    parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)).stages()
                            .forEach(st -> titles.add(st.title()));
                    return titles;
                }
            } catch (IOException e) {
                // the next candidate
            }
        }
        return List.of();
    }

    public static WorkshopTrack parse(String source, String text) {
        List<Stage> stages = new ArrayList<>();
        String title = null;
        List<String> ids = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("==")) {
                if (title != null || !ids.isEmpty()) {
                    stages.add(new Stage(title == null ? "" : title, ids));
                }
                title = line.substring(2).strip();
                ids = new ArrayList<>();
            } else {
                ids.add(line);
            }
        }
        if (title != null || !ids.isEmpty()) {
            stages.add(new Stage(title == null ? "" : title, ids));
        }
        return new WorkshopTrack(source, stages);
    }

    /** Every exercise id of the track, in order. */
    public List<String> exerciseIds() {
        List<String> out = new ArrayList<>();
        stages.forEach(s -> out.addAll(s.exerciseIds()));
        return out;
    }
}
