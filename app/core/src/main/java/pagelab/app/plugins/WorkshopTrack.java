package pagelab.app.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A workshop track: an ordered, self-paced path through the exercises, in stages. The shipped track is a resource;
 * a workshop leader replaces it with {@code track.txt} in the user data folder. The format is plain text: a line
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
     * The data folder's {@code track.txt} if there is one and it reads, else the shipped track. Never throws: an
     * unreadable file falls back to the shipped track (the caller can tell from {@link #source()}).
     */
    public static WorkshopTrack load(Path dataDir) {
        Path own = dataDir == null ? null : dataDir.resolve(FILE_NAME);
        if (own != null && Files.isRegularFile(own)) {
            try {
                return parse(own.toString(), Files.readString(own, StandardCharsets.UTF_8));
            } catch (IOException | RuntimeException e) {
                // fall through to the shipped track
            }
        }
        try (InputStream in = WorkshopTrack.class.getResourceAsStream(RESOURCE)) {
            return parse("shipped track", in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new WorkshopTrack("none", List.of());
        }
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
