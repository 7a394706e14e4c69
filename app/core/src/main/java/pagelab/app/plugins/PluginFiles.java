package pagelab.app.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** File helpers for plugin candidates: recognising a jar and fingerprinting a plugin for result bundles. */
public final class PluginFiles {
    private PluginFiles() {
    }

    static boolean isJar(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().toLowerCase().endsWith(".jar");
    }

    /**
     * The SHA-256 of a plugin, in lower-case hex: of the file for a jar; for a folder, of every file's relative
     * path and content in sorted order, so that the same build gives the same hash on every machine.
     *
     * @throws IOException if the plugin cannot be read
     */
    public static String sha256(Path plugin) throws IOException {
        MessageDigest digest = newDigest();
        if (!Files.isDirectory(plugin)) {
            update(digest, plugin);
            return HexFormat.of().formatHex(digest.digest());
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(plugin)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path file : files) {
            String relative = plugin.relativize(file).toString().replace('\\', '/');
            digest.update(relative.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            update(digest, file);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, Path file) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
    }

    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("PluginFiles: the JDK lacks SHA-256", e);
        }
    }
}
