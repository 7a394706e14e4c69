package pagelab.app.cli;

import java.io.PrintWriter;
import java.util.List;
import pagelab.app.results.KnownTexts;
import pagelab.app.results.KnownTexts.Known;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A wrong command line in a language other than English: picocli's message (a missing parameter, an unknown
 * option ...) in {@link CliText}'s words, then what picocli's own handler shows, its suggestions or the usage. Picocli
 * words its messages in English only, so they are known here by their wording; one this does not know is shown as
 * picocli says it. English keeps picocli's own handler.
 */
final class ParseErrors implements CommandLine.IParameterExceptionHandler {
    private static final KnownTexts KNOWN = KnownTexts.of(
            new Known("Missing required parameter for option (.+)", "parse.missingValue"),
            new Known("Missing required options?: (.+)", "parse.missingOption"),
            new Known("Missing required parameters?: (.+)", "parse.missingParameter"),
            new Known("Unknown options?: (.+)", "parse.unknownOption"),
            new Known("Unmatched arguments? (?:at|from) index \\d+: (.+)", "parse.unmatched"),
            new Known("Invalid value for option (.+?): (.+)", "parse.invalidValue"));

    private final CliText words;

    ParseErrors(CliText words) {
        this.words = words;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(message(ex.getMessage()));
        List<String> suggestions = ex instanceof UnmatchedArgumentException u ? u.getSuggestions() : List.of();
        if (suggestions.isEmpty()) {
            cmd.usage(err);
        } else if (((UnmatchedArgumentException) ex).isUnknownOption()) {
            err.println(words.format("parse.possible", String.join(", ", suggestions)));
        } else { // a misspelt command: the commands it may be, as typed
            String typed = cmd.getCommandSpec().qualifiedName();
            err.println(words.format("parse.didYouMean", String.join(words.get("parse.or"),
                    suggestions.stream().map(s -> typed + " " + s).toList())));
        }
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Picocli's English message in these words, or as it is when its wording is not known here. */
    String message(String english) {
        return KNOWN.match(english).map(m -> words.format(m.key(), m.arguments())).orElse(english);
    }
}
