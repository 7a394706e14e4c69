package pagelab.app.cli;

/**
 * The exit codes of {@code pagelab}. They are part of the command line's contract (scripts, CI jobs and LMS
 * hooks test them) and never change meaning; docs/cli.md lists them too.
 */
public final class ExitCodes {
    /** Success: every check passed, the plugin verified, the result confirmed, the grades written. */
    public static final int OK = 0;
    /** {@code check}: the solution was graded and did not get full marks. */
    public static final int NOT_PASSED = 1;
    /** The command line is wrong (unknown command or option, missing argument). */
    public static final int USAGE = 2;
    /** {@code check}: the solution does not compile. */
    public static final int COMPILE_ERROR = 3;
    /** Something named does not exist: an exercise id, a file, a folder. */
    public static final int NOT_FOUND = 4;
    /** {@code verify-plugin}: the plugin does not load or its checker is not proven. */
    public static final int PLUGIN_INVALID = 5;
    /** {@code verify-result}: the bundle's sources or scores are not what re-grading gives. */
    public static final int REFUTED = 6;
    /** {@code verify-result}: this installation cannot tell (exercise missing, or a different plugin build). */
    public static final int UNVERIFIABLE = 7;
    /** A file could not be read or written. */
    public static final int IO_ERROR = 8;
    /** {@code init}: the starter files exist already and {@code --force} was not given. */
    public static final int WOULD_OVERWRITE = 9;
    /** {@code verify-result}: the bundle is unsigned, or signed by a key not trusted here. */
    public static final int UNTRUSTED = 10;
    /** {@code grade}: some checks could not be judged (a checker failed); the gradebook was written. */
    public static final int CHECKER_ERROR = 11;
    /** {@code check}: the solution uses what a solution may not (refused by the solution policy). */
    public static final int REJECTED = 12;
    /** {@code merge-grades}: the gradebooks do not belong together (a student twice, another exercise or build). */
    public static final int MISMATCH = 13;
    /** A bug in PageLab: please report it with the message. */
    public static final int INTERNAL = 70;

    /** The footer every {@code --help} shows. */
    static final String FOOTER = "%nExit codes:%n"
            + "  0  success (all checks passed, plugin verified, result confirmed)%n"
            + "  1  graded, not full marks%n"
            + "  2  wrong command line%n"
            + "  3  the solution does not compile%n"
            + "  4  no such exercise, file or folder%n"
            + "  5  the plugin does not load or does not verify%n"
            + "  6  result refuted%n"
            + "  7  result cannot be verified here%n"
            + "  8  a file could not be read or written%n"
            + "  9  init would overwrite files (use --force)%n"
            + " 10  result unsigned, or signed by a key not trusted here%n"
            + " 11  grade: some checks could not be judged (gradebook written)%n"
            + " 12  the solution uses what a solution may not%n"
            + " 13  merge-grades: the gradebooks do not belong together%n"
            + " 70  internal error%n";

    private ExitCodes() {
    }
}
