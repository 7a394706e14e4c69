package pagelab.app.results;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import pagelab.exercise.SourceSet;

/** SHA-256 helpers shared by the compiler cache and result bundles. */
public final class Hashes {
    private Hashes() {
    }

    /** A fresh SHA-256 digest. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Hashes: the JDK lacks SHA-256", e);
        }
    }

    /** The hex SHA-256 of a text's UTF-8 bytes. */
    public static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The SHA-256 of a whole source set: over each file's name and the SHA-256 of its text, in name order, so the
     * same files give the same hash whatever order they were read in.
     */
    public static String sha256(SourceSet sources) {
        MessageDigest d = sha256();
        sources.files().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(f ->
                d.update((f.getKey() + " " + sha256(f.getValue()) + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(d.digest());
    }
}
