package pagelab.app.grading;

/**
 * The line protocol between the host and a grading child: one JSON line per message ({@link RecordJson}).
 * Replies are prefixed with {@link #MARKER} so that bytes a solution writes straight to file descriptor 1 can
 * never be mistaken for a reply.
 */
final class ChildProtocol {
    /** Starts every protocol line the child writes. */
    static final String MARKER = "\u0001pagelab:";
    /** The child is up and reading requests. */
    static final String READY = MARKER + "ready";
    /** The child's shutdown hook ran: something called {@code System.exit}. */
    static final String EXITING = MARKER + "exiting";
    /** Prefix of a reply line; JSON follows. */
    static final String REPLY = MARKER + "reply ";

    private ChildProtocol() {
    }
}
