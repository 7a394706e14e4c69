package pagelab.app.grading;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The {@code index}-th of {@code count} slices of a class, for grading a class on many machines
 * ({@code grade --shard 2/8}). A submission's slice depends on its name alone (the SHA-256 of the name, modulo
 * {@code count}), so it is the same on every machine, in every order of listing, and does not move when other
 * submissions are added. Slices are even in expectation, not exactly: 2,000 names in 8 shards give about 250
 * each.
 *
 * @param index 1 to {@code count}
 * @param count how many slices
 */
public record Shard(int index, int count) {
    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("a shard is i/N with 1 <= i <= N, not " + index + "/" + count);
        }
    }

    /** {@code "2/8"}. */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a shard is i/N (e.g. 2/8), not " + text);
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a shard is i/N (e.g. 2/8), not " + text);
        }
    }

    /** Whether the submission called {@code name} is in this slice. */
    public boolean contains(String name) {
        return slice(name, count) == index;
    }

    /** The slice (1 to {@code count}) of the submission called {@code name}. */
    public static int slice(String name, int count) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (h[i] & 0xff);
            }
            return (int) Long.remainderUnsigned(v, count) + 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Shard.slice: no SHA-256 in this JVM", e);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
