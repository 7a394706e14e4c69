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
 * @since 0.1
 */
public record ExerciseDescriptor(String id, String title, int chapter, Difficulty difficulty, int minutes,
                                 List<String> goals) {

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
}
