package pagelab.app.desktop.store;

import java.nio.file.Path;

/**
 * Something the student must be told about one of their files: it could not be read and was kept aside, it was
 * read in an encoding other than UTF-8, or edits went beside it instead of over it. Plain data; the desktop words it
 * in the UI language, {@link #message()} gives the English for logs and tests.
 *
 * @param kind   what happened
 * @param file   the file concerned
 * @param keptAs where the original (or, for {@link Kind#DIVERTED}, the edits) are now; null when nowhere else
 * @param detail the reason (for {@link Kind#READ_AS}: the encoding's name; for {@link Kind#DIVERTED}: {@link
 *               #CHANGED}, {@link #DELETED} or {@link #UNREADABLE})
 */
public record DataNotice(Kind kind, Path file, Path keptAs, String detail) {
    /** Why edits were diverted: the file holds other bytes than the editor came from. */
    public static final String CHANGED = "changed";
    /** Why edits were diverted: the file was deleted after the editor opened it. */
    public static final String DELETED = "deleted";
    /** Why edits were diverted: the file could not be read when the editor opened it. */
    public static final String UNREADABLE = "unreadable";

    /** What happened to a file. */
    public enum Kind {
        /** It could not be read and was moved to {@code keptAs}; the defaults (or the starter code) are used. */
        MOVED_ASIDE,
        /** It could not be read nor moved; it is left as it is and PageLab never writes over it. */
        LEFT_AS_IS,
        /** It is not UTF-8 and was read as {@code detail}; it is saved in UTF-8, the original kept as {@code keptAs}. */
        READ_AS,
        /** It changed on disk (or could not be read) after the editor opened it: the edits went to {@code keptAs}. */
        DIVERTED,
        /** The data folder's clean-up could not do something; {@code detail} says what. */
        DATA_FOLDER
    }

    /** The notice in English. */
    public String message() {
        String name = file == null ? "" : file.getFileName().toString();
        return switch (kind) {
            case MOVED_ASIDE -> name + " could not be read (" + detail + "); it was moved to " + keptAs
                    + " and the defaults are used";
            case LEFT_AS_IS -> name + " could not be read (" + detail + ") and is left as it is; the defaults are "
                    + "used and PageLab does not write over it";
            case READ_AS -> name + " is not UTF-8: it was read as " + detail + " and will be saved in UTF-8; the "
                    + "original is kept as " + keptAs;
            case DIVERTED -> "PageLab did not save over " + name + " (" + switch (String.valueOf(detail)) {
                case DELETED -> "it was deleted outside PageLab after it was opened";
                case UNREADABLE -> "it could not be read when it was opened";
                default -> "it was changed outside PageLab after it was opened";
            } + "): the edits are in " + keptAs;
            case DATA_FOLDER -> detail;
        };
    }
}
