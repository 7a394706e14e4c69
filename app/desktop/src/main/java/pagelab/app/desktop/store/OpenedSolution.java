package pagelab.app.desktop.store;

/**
 * One solution file as the editor opens it.
 *
 * @param fileName the file's name, e.g. {@code SparseCells.java}
 * @param text     what the editor shows: the decoded file, or the starter code when there is no readable file
 * @param origin   what {@code text} came from; pass it to {@link UserDataStore#saveSolution(String, String, String,
 *                 Origin, java.nio.file.Path)}
 * @param notice   what the student must be told about the file, or null
 */
public record OpenedSolution(String fileName, String text, Origin origin, DataNotice notice) {
}
