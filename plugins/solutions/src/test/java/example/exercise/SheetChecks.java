package example.exercise;

/** The toy exercise's checker: not student-facing, so a solution may not touch it. */
public class SheetChecks {
    public static int secret = 42;

    public static String answer() {
        return "the reference";
    }
}
