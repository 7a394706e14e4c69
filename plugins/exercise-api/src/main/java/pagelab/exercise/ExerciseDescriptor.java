package pagelab.exercise;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity and catalog data of an exercise. Immutable; validated on construction so that a bad plugin is
 * refused with a message instead of showing a broken catalog entry.
 *
 * @param id         a stable, lower-case id such as {@code sparse-cells}: the CLI and saved progress use it
 * @param title      a short title for the catalog
 * @param chapter    the chapter of <i>Windows via C/C++</i> (13 to 18) the exercise practises
 * @param difficulty how hard it is
 * @param minutes    the expected working time of a student who read the chapter
 * @param goals      what the student learns, one sentence each, at least one
 * @param track      where the exercise sits on PageLab's shipped workshop track, or null if it is not on it
 *                   (see {@link #onTrack}); since 0.1.1
 * @since 0.1
 */
public record ExerciseDescriptor(String id, String title, int chapter, Difficulty difficulty, int minutes,
                                 List<String> goals, Track track) {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /**
     * @throws IllegalArgumentException naming the bad field when a value is missing or out of range
     */
    public ExerciseDescriptor {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("exercise id must be lower-case words joined by '-', got " + id);
        }
        if (title == null || title.isBlank()) {
            throw new IllegalArgumentException("exercise " + id + ": title is missing");
        }
        if (chapter < 13 || chapter > 18) {
            throw new IllegalArgumentException("exercise " + id + ": chapter must be 13 to 18, got " + chapter);
        }
        Objects.requireNonNull(difficulty, () -> "exercise " + id + ": difficulty is missing");
        if (minutes <= 0) {
            throw new IllegalArgumentException("exercise " + id + ": minutes must be positive, got " + minutes);
        }
        if (goals == null || goals.isEmpty()) {
            throw new IllegalArgumentException("exercise " + id + ": name at least one learning goal");
        }
        goals = List.copyOf(goals);
    }

    /** A descriptor of an exercise that is not on the workshop track, as plugins built for 0.1.0 make it. */
    public ExerciseDescriptor(String id, String title, int chapter, Difficulty difficulty, int minutes,
                              List<String> goals) {
        this(id, title, chapter, difficulty, minutes, goals, null);
    }

    /**
     * This exercise placed on the shipped workshop track: the host lists the track's stages, each exercise says
     * where in them it goes, so that adding an exercise to the track touches only the exercise.
     *
     * @param stage the stage, from 1 (the host's stages: 1 the address space, 2 reserve and commit, 3 faults, SEH
     *              and thread stacks, 4 memory-mapped files, 5 sharing memory between processes, 6 heaps, 7 going
     *              further)
     * @param step  the place within the stage, from 1; exercises with the same step are ordered by id
     * @throws IllegalArgumentException if either is below 1
     * @since 0.1.1
     */
    public ExerciseDescriptor onTrack(int stage, int step) {
        return new ExerciseDescriptor(id, title, chapter, difficulty, minutes, goals, new Track(stage, step));
    }

    /**
     * A place on the workshop track.
     *
     * @param stage the stage, from 1
     * @param step  the place within the stage, from 1
     * @since 0.1.1
     */
    public record Track(int stage, int step) implements Comparable<Track> {
        /** @throws IllegalArgumentException if either is below 1 */
        public Track {
            if (stage < 1 || step < 1) {
                throw new IllegalArgumentException("a track's stages and steps count from 1, got stage " + stage
                        + ", step " + step);
            }
        }

        @Override
        public int compareTo(Track o) {
            return stage != o.stage ? Integer.compare(stage, o.stage) : Integer.compare(step, o.step);
        }
    }
}
