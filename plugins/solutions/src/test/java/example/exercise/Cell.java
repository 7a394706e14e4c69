package example.exercise;

/** A record the solution returns: part of the student-facing API because {@link Sheet} names it. */
public record Cell(int row, String text) {
}
