package pagelab.app.desktop.store;

import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the text in an editor came from: the exact bytes of a solution file (by their SHA-256), no file at all, or
 * a file that could not be read. A save replaces the file only while it still holds what the editor came from, so
 * the editor never writes over a file it did not load (one changed by another editor, or one it failed to read).
 *
 * @param state  which of the three
 * @param sha256 the SHA-256 of the bytes, in hex, for {@link State#READ}; empty otherwise
 */
public record Origin(State state, String sha256) {
    /** Where an editor's text came from. */
    public enum State {
        /** The file did not exist: the editor holds the starter code. */
        ABSENT,
        /** The editor holds the decoded content of these bytes. */
        READ,
        /** The file exists but could not be read: it is never written over. */
        UNREADABLE
    }

    public static final Origin ABSENT = new Origin(State.ABSENT, "");
    public static final Origin UNREADABLE = new Origin(State.UNREADABLE, "");

    public Origin {
        sha256 = sha256 == null ? "" : sha256;
    }

    static Origin of(byte[] bytes) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            return new Origin(State.READ, HexFormat.of().formatHex(digest.digest(bytes)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Origin.of: every JVM has SHA-256", e);
        }
    }

    /** Whether a file in state {@code now} may be replaced by an editor whose text came from this origin. */
    boolean allowsReplacing(Origin now) {
        return state != State.UNREADABLE && equals(now);
    }
}
