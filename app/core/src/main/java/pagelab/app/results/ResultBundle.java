package pagelab.app.results;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import pagelab.app.files.NewFiles;
import pagelab.app.grading.GradingResult;
import pagelab.exercise.CheckResult;
import pagelab.exercise.CheckStatus;
import pagelab.exercise.SourceSet;

/**
 * A graded result a student can carry and a workshop leader can trust: a zip holding {@value #MANIFEST} (what was
 * graded with what, and the points per check), the graded sources under {@code sources/}, and, when the grader had
 * a signing key, the manifest's Ed25519 signature ({@value #SIGNATURE}) and the signer's public key
 * ({@value #SIGNER}). The manifest records every source file's SHA-256, so the signature covers the sources too.
 * {@code pagelab verify-result} checks the signature against the keys it trusts, then re-grades the sources offline
 * with the same plugin and seed and compares.
 *
 * @param manifest     the recorded grading
 * @param sources      the graded sources
 * @param manifestJson the manifest exactly as stored (what the signature covers)
 * @param signature    the Base64 signature of {@code manifestJson}, or null when unsigned
 * @param signerPem    the signer's public key (PEM), or null when unsigned
 */
public record ResultBundle(Manifest manifest, SourceSet sources, byte[] manifestJson, String signature,
                           String signerPem) {
    /** The manifest's entry name in the zip. */
    public static final String MANIFEST = "pagelab-result.json";
    /** The signature's entry: the Base64 Ed25519 signature of the manifest's bytes. */
    public static final String SIGNATURE = "pagelab-result.sig";
    /** The signer's public key, PEM. */
    public static final String SIGNER = "pagelab-result.pub";
    /** The format tag of this version of the manifest. */
    public static final String FORMAT = "pagelab-result/1";
    private static final int MAX_ENTRY_BYTES = 2 * 1024 * 1024;
    private static final int MAX_ENTRIES = 200;

    /**
     * The recorded grading.
     *
     * @param format        {@link #FORMAT}
     * @param exerciseId    the exercise
     * @param pluginId      the plugin that graded it
     * @param pluginVersion its version
     * @param pluginSha256  its SHA-256 (see {@code PluginFiles.sha256})
     * @param seed          the machine seed of every check
     * @param sourcesSha256 the SHA-256 of the source set ({@link Hashes#sha256(SourceSet)})
     * @param sourceFiles   each file's SHA-256, by name
     * @param points        points awarded
     * @param maxPoints     points available
     * @param checks        points per check
     * @param gradedAt      when, as an ISO-8601 instant
     */
    public record Manifest(String format, String exerciseId, String pluginId, String pluginVersion,
                           String pluginSha256, long seed, String sourcesSha256, Map<String, String> sourceFiles,
                           int points, int maxPoints, List<Check> checks, String gradedAt) {
    }

    /** One check's recorded outcome. */
    public record Check(String id, String title, CheckStatus status, int points, int maxPoints) {
        static Check of(CheckResult r) {
            return new Check(r.checkId(), r.title(), r.status(), r.points(), r.maxPoints());
        }
    }

    /** The bundle of a grading. */
    public static ResultBundle of(GradingResult r, SourceSet sources, String pluginSha256) {
        Map<String, String> files = new LinkedHashMap<>();
        sources.files().forEach((name, text) -> files.put(name, Hashes.sha256(text)));
        Manifest m = new Manifest(FORMAT, r.exerciseId(), r.pluginId(), r.pluginVersion(), pluginSha256,
                r.report().seed(), r.sourcesSha256(), files, r.points(), r.maxPoints(),
                r.report().results().stream().map(Check::of).toList(), Instant.now().toString());
        try {
            return new ResultBundle(m, sources, Reports.json().writeValueAsBytes(m), null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a result manifest", e);
        }
    }

    /** Whether the bundle carries a signature (valid or not: {@link ResultVerifier} decides). */
    public boolean signed() {
        return signature != null && signerPem != null;
    }

    /**
     * Writes the bundle to {@code zip} atomically (a temporary file moved into place), signed by {@code signer}
     * unless it is null.
     */
    public void write(Path zip, ResultSigner signer) throws IOException {
        NewFiles.write(zip, ".bundle-" + ProcessHandle.current().pid() + "-", ".tmp", out -> {
            try (ZipOutputStream z = new ZipOutputStream(out)) {
                z.putNextEntry(new ZipEntry(MANIFEST));
                z.write(manifestJson);
                z.closeEntry();
                if (signer != null) {
                    z.putNextEntry(new ZipEntry(SIGNATURE));
                    z.write(Base64.getEncoder().encode(signer.sign(manifestJson)));
                    z.closeEntry();
                    z.putNextEntry(new ZipEntry(SIGNER));
                    z.write(signer.publicKeyPem().getBytes(StandardCharsets.US_ASCII));
                    z.closeEntry();
                }
                for (Map.Entry<String, String> f : sources.files().entrySet()) {
                    z.putNextEntry(new ZipEntry("sources/" + f.getKey()));
                    z.write(f.getValue().getBytes(StandardCharsets.UTF_8));
                    z.closeEntry();
                }
            }
        });
    }

    /**
     * Reads a bundle, refusing anything that is not one (bounded: a hostile zip cannot exhaust memory).
     *
     * @throws IOException saying what is wrong with the file
     */
    public static ResultBundle read(Path zip) throws IOException {
        Manifest manifest = null;
        byte[] manifestJson = null;
        String signature = null;
        String signer = null;
        Map<String, String> files = new LinkedHashMap<>();
        int entries = 0;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                if (++entries > MAX_ENTRIES) {
                    throw new IOException(zip + " has more than " + MAX_ENTRIES + " entries: not a result bundle");
                }
                byte[] data = readBounded(z, e.getName());
                if (e.getName().equals(MANIFEST)) {
                    manifestJson = data;
                    manifest = Reports.json().readValue(data, Manifest.class);
                } else if (e.getName().equals(SIGNATURE)) {
                    signature = new String(data, StandardCharsets.US_ASCII).strip();
                } else if (e.getName().equals(SIGNER)) {
                    signer = new String(data, StandardCharsets.US_ASCII);
                } else if (e.getName().startsWith("sources/") && !e.isDirectory()) {
                    files.put(e.getName().substring("sources/".length()), new String(data, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read the result bundle " + zip + ": " + e.getMessage(), e);
        }
        if (manifest == null || !FORMAT.equals(manifest.format())) {
            throw new IOException(zip + " is not a PageLab result bundle (no " + MANIFEST + " of format " + FORMAT
                    + ")");
        }
        if (files.isEmpty()) {
            throw new IOException(zip + " holds no sources");
        }
        try {
            return new ResultBundle(manifest, new SourceSet(files), manifestJson, signature, signer);
        } catch (IllegalArgumentException e) {
            throw new IOException(zip + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readBounded(InputStream in, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0; ) {
            out.write(buf, 0, n);
            if (out.size() > MAX_ENTRY_BYTES) {
                throw new IOException(name + " is larger than " + MAX_ENTRY_BYTES / 1024 + " KB");
            }
        }
        return out.toByteArray();
    }
}
