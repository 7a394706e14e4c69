package pagelab.app.cli;

import java.util.function.Function;

/**
 * Ends a command with a message for the user and one of the {@link ExitCodes}. The message is PageLab's words from
 * {@link CliText} (shown in the user's language), or text from elsewhere (an I/O error's, a plugin's) that is shown
 * as it is; {@link #getMessage()} is the English.
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;
    private final transient Function<CliText, String> said;

    /** An error with text from elsewhere, the same in every language. */
    CliException(int exitCode, String message) {
        this(exitCode, in -> message);
    }

    /** An error in PageLab's words, as {@code words} says it in a language. */
    CliException(int exitCode, Function<CliText, String> words) {
        super(words.apply(CliText.ENGLISH), null, false, false);
        this.exitCode = exitCode;
        this.said = words;
    }

    /** An error in PageLab's words: {@code key} of {@link CliText} with its arguments. */
    static CliException of(int exitCode, String key, Object... args) {
        Object[] copy = args.clone();
        return new CliException(exitCode, in -> in.format(key, copy));
    }

    int exitCode() {
        return exitCode;
    }

    /** The message in {@code words}' language. */
    String message(CliText words) {
        return said.apply(words);
    }
}
