package pagelab.app.desktop.store;

import java.nio.file.Path;

/**
 * What a save of an editor's text did.
 *
 * @param origin     what the editor's text now corresponds to on disk (pass it to the next save)
 * @param divertedTo where the text went instead of the solution file, or null when the file was replaced
 * @param notice     the notice to show when the text was diverted, or null
 */
public record SaveOutcome(Origin origin, Path divertedTo, DataNotice notice) {
}
