package pagelab.app.files;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder of an installed release (pagelab-VERSION.zip unpacked, or a workshop kit made from one): {@code bin/},
 * {@code lib/}, {@code plugins/}, and in a kit the workshop leader's {@code track.txt}. The release's launchers
 * name it in the system property {@value #PROPERTY}; a source checkout's {@code ./pagelab} and the packaged app
 * (jpackage) do not, so there is none.
 */
public final class Installation {
    /** System property naming the installation's folder; bin/pagelab and bin/pagelab.cmd set it. */
    public static final String PROPERTY = "pagelab.install.dir";
    /** A workshop track shipped with the installation (a kit's), used when the data folder has none of its own. */
    public static final String TRACK_FILE = "track.txt";

    private Installation() {
    }

    /** The installation's folder, or null when PageLab was not started from a release. */
    public static Path dir() {
        String dir = System.getProperty(PROPERTY);
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    /** The installation's {@code track.txt} when it has one, else null. */
    public static Path trackFile() {
        Path dir = dir();
        Path track = dir == null ? null : dir.resolve(TRACK_FILE);
        return track != null && Files.isRegularFile(track) ? track : null;
    }
}
