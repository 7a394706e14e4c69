package pagelab.app.grading;

/** Why a grading child gave no reply: what the host tells the student instead of a check's own result. */
final class ChildFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as the host observed it. */
    enum Kind {
        /** No reply within the hard limit; the child was killed. */
        TIMEOUT,
        /** The child JVM ended while the check ran. */
        DIED,
        /** The child JVM did not come up. */
        STARTUP,
        /** What the child sent failed authentication or is no reply: nothing more from it is trusted. */
        TAMPERED
    }

    private final Kind kind;
    private final int exitCode;
    private final boolean systemExit;

    ChildFailure(Kind kind, String message, int exitCode, boolean systemExit) {
        super(message, null, false, false);
        this.kind = kind;
        this.exitCode = exitCode;
        this.systemExit = systemExit;
    }

    Kind kind() {
        return kind;
    }

    int exitCode() {
        return exitCode;
    }

    /** Whether the child's shutdown hook ran, which {@code System.exit} does and {@code Runtime.halt} does not. */
    boolean systemExit() {
        return systemExit;
    }
}
