package pagelab.app.results;

/** The forms a grading result can be written in. */
public enum ReportFormat {
    /** For a person at a terminal. */
    TEXT,
    /** PageLab's own JSON: the full result with messages, hints and evidence. */
    JSON,
    /** JUnit XML (the Ant/Surefire schema every CI server reads); partial credit counts as a failure. */
    JUNIT,
    /** Gradescope's autograder {@code results.json}. */
    GRADESCOPE
}
