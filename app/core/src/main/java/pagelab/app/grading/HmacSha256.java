package pagelab.app.grading;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * HMAC-SHA256 (RFC 2104) built on {@link MessageDigest}, for the grading channel. {@code Mac.getInstance} would do
 * the same, but a fresh JVM finds {@code HmacSHA256} only after loading and asking every installed security provider
 * (PKCS#11, smart cards, XML signatures, Kerberos...), which costs each grading child about 80 ms of its start;
 * SHA-256 is served by the first provider ("SUN"). Equality with the JDK's {@code Mac} is tested on RFC 4231's vectors
 * and random keys and messages. Not thread-safe: one instance per direction, as the channel uses it.
 */
final class HmacSha256 {
    static final int LENGTH = 32;
    private static final int BLOCK = 64;

    private final MessageDigest inner;
    private final MessageDigest outer;
    private final byte[] innerPad = new byte[BLOCK];
    private final byte[] outerPad = new byte[BLOCK];

    HmacSha256(byte[] key) {
        inner = sha256();
        outer = sha256();
        byte[] k = key.length > BLOCK ? sha256().digest(key) : key;
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            innerPad[i] = (byte) (b ^ 0x36);
            outerPad[i] = (byte) (b ^ 0x5c);
        }
        inner.update(innerPad);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    void update(byte[] data) {
        inner.update(data);
    }

    /** The MAC of everything updated since the last call; the instance is then ready for the next message. */
    byte[] doFinal() {
        byte[] innerHash = inner.digest();
        inner.update(innerPad);
        outer.update(outerPad);
        outer.update(innerHash);
        byte[] mac = outer.digest();
        Arrays.fill(innerHash, (byte) 0);
        return mac;
    }
}
