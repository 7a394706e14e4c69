package pagelab.app.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Signs result bundles with an instructor's Ed25519 key (the JDK's own implementation), so that a bundle can be
 * trusted for what it says only if the grader's key signed it: anyone can compute hashes, nobody else can sign.
 * Keys are PEM files: {@code pagelab-signing.key} (PKCS#8, readable by its owner only) and
 * {@code pagelab-signing.pub} (X.509), made by {@code pagelab keys}. Immutable; thread-safe.
 */
public final class ResultSigner {
    /** The key files' names, in the key folder ({@code DATA/keys} unless told otherwise). */
    public static final String PRIVATE_KEY = "pagelab-signing.key";
    public static final String PUBLIC_KEY = "pagelab-signing.pub";
    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private ResultSigner(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** A new key pair, written to {@code dir} (the private key with owner-only permissions where the OS has them). */
    public static ResultSigner generate(Path dir) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make Ed25519 keys", e);
        }
        Files.createDirectories(dir);
        Path key = dir.resolve(PRIVATE_KEY);
        Path tmp = Files.createTempFile(dir, ".key-", ".tmp");
        try {
            if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            Files.move(tmp, key, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        Files.writeString(dir.resolve(PUBLIC_KEY), pem("PUBLIC KEY", pair.getPublic().getEncoded()),
                StandardCharsets.US_ASCII);
        return new ResultSigner(pair.getPrivate(), pair.getPublic());
    }

    /**
     * The signer whose private key is {@code keyFile} (its public key, {@code .pub} beside it, is derived from it).
     *
     * @throws IOException when the file cannot be read or holds no Ed25519 private key
     */
    public static ResultSigner load(Path keyFile) throws IOException {
        try {
            PrivateKey priv = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(
                    unpem(Files.readString(keyFile, StandardCharsets.US_ASCII), "PRIVATE KEY")));
            Path pub = keyFile.resolveSibling(keyFile.getFileName().toString().replaceFirst("\\.key$", "") + ".pub");
            if (!Files.isRegularFile(pub)) {
                throw new IOException("the public key " + pub + " is missing beside " + keyFile);
            }
            return new ResultSigner(priv, readPublicKey(pub));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(keyFile + " is not an Ed25519 private key in PEM: " + e.getMessage(), e);
        }
    }

    /** The public key in {@code pubFile} (PEM). */
    public static PublicKey readPublicKey(Path pubFile) throws IOException {
        try {
            return publicKey(Files.readString(pubFile, StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException(pubFile + " is not an Ed25519 public key in PEM: " + e.getMessage(), e);
        }
    }

    /** The public key in a PEM text. */
    public static PublicKey readPublicKeyPem(String pem) throws IOException {
        try {
            return publicKey(pem);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("not an Ed25519 public key in PEM: " + e.getMessage(), e);
        }
    }

    /** Parses a PEM public key. */
    static PublicKey publicKey(String pem) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(unpem(pem, "PUBLIC KEY")));
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key as PEM, stored in each bundle so a verifier can name whoever signed it. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** The signature of {@code data}. */
    public byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(privateKey);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519", e);
        }
    }

    /** Whether {@code signature} is {@code key}'s signature of {@code data}. */
    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** A short name for a public key: {@code SHA256:} and the first 16 hex digits of its encoding's SHA-256. */
    public static String fingerprint(PublicKey key) {
        return "SHA256:" + HexFormat.of().formatHex(Hashes.sha256().digest(key.getEncoded())).substring(0, 16);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem, String type) {
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int b = pem.indexOf(begin);
        int e = pem.indexOf(end);
        if (b < 0 || e < b) {
            throw new IllegalArgumentException("no " + type + " block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(b + begin.length(), e));
    }
}
