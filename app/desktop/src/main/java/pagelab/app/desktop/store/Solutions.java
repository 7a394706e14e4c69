package pagelab.app.desktop.store;

import pagelab.app.files.SourceText;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The student's solution files, opened as an editor opens them and saved only over what the editor came from.
 *
 * <ul>
 *   <li>A file is decoded by {@link SourceText}'s rule. One that is not UTF-8 is shown as read; a copy of its bytes
 *       is kept as {@code NAME.<encoding>.bak} before anything can replace it, and it is saved in UTF-8 from then on.
 *   <li>A file that is not text in any encoding of the rule (binary, too large) is never replaced: it is moved to
 *       {@code NAME.unreadable-<time>} and the starter code is shown. One that cannot even be opened (no
 *       permission) stays where it is and is never written over.
 *   <li>A save replaces the file only while it still holds the bytes the editor's text came from ({@link Origin});
 *       otherwise (changed in another editor, deleted, unreadable) the text goes beside it, to
 *       {@code NAME.conflict-<time>}, and the file is left alone.
 * </ul>
 * Callers serialise calls per file (the store does).
 */
final class Solutions {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private Solutions() {
    }

    static OpenedSolution open(Path file, String starter) {
        String name = file.getFileName().toString();
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(SourceText.MAX_BYTES + 1);
        } catch (NoSuchFileException e) {
            return new OpenedSolution(name, starter, Origin.ABSENT, null);
        } catch (IOException e) {
            return new OpenedSolution(name, starter, Origin.UNREADABLE,
                    new DataNotice(DataNotice.Kind.LEFT_AS_IS, file, null, reason(e)));
        }
        SourceText text;
        try {
            if (bytes.length > SourceText.MAX_BYTES) {
                throw new SourceText.UnreadableException("it is larger than " + SourceText.MAX_BYTES / 1024
                        + " KB, too large for a source");
            }
            text = SourceText.decode(bytes);
        } catch (SourceText.UnreadableException e) {
            return moveAside(file, starter, e.getMessage());
        }
        Origin origin = Origin.of(bytes);
        if (text.isUtf8()) {
            return new OpenedSolution(name, text.text(), origin, null);
        }
        try {
            Path copy = keepOriginal(file, bytes, text.encoding());
            return new OpenedSolution(name, text.text(), origin,
                    new DataNotice(DataNotice.Kind.READ_AS, file, copy, text.encoding()));
        } catch (IOException e) {
            return new OpenedSolution(name, text.text(), Origin.UNREADABLE, new DataNotice(
                    DataNotice.Kind.LEFT_AS_IS, file, null, "read as " + text.encoding()
                    + ", but no copy of the original could be made: " + reason(e)));
        }
    }

    private static OpenedSolution moveAside(Path file, String starter, String why) {
        String name = file.getFileName().toString();
        try {
            Path aside = unique(file.resolveSibling(name + ".unreadable-" + LocalDateTime.now().format(STAMP)));
            Files.move(file, aside);
            return new OpenedSolution(name, starter, Origin.ABSENT,
                    new DataNotice(DataNotice.Kind.MOVED_ASIDE, file, aside, why));
        } catch (IOException e) {
            return new OpenedSolution(name, starter, Origin.UNREADABLE, new DataNotice(DataNotice.Kind.LEFT_AS_IS,
                    file, null, why + "; it could not be moved aside either: " + reason(e)));
        }
    }

    // NAME.<encoding>.bak, unless that holds other bytes (an older conversion): then a name with the time.
    private static Path keepOriginal(Path file, byte[] bytes, String encoding) throws IOException {
        String base = file.getFileName() + "." + encoding;
        Path copy = file.resolveSibling(base + ".bak");
        if (Files.isRegularFile(copy) && Arrays.equals(Files.readAllBytes(copy), bytes)) {
            return copy;
        }
        if (Files.exists(copy)) {
            copy = unique(file.resolveSibling(base + "-" + LocalDateTime.now().format(STAMP) + ".bak"));
        }
        AtomicFiles.write(copy, bytes);
        return copy;
    }

    /**
     * Replaces {@code file} with {@code text} in UTF-8 if it still holds what the text came from; otherwise writes
     * the text to {@code divertTo} (or a new {@code NAME.conflict-<time>} when null) and leaves the file alone.
     *
     * @throws IOException if neither could be written
     */
    static SaveOutcome save(Path file, String text, Origin expected, Path divertTo) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Origin now = originOf(file);
        // Between this check and the rename another program could still write the file: a window of microseconds,
        // where the old behaviour was to write over whatever was there.
        if (expected.allowsReplacing(now)) {
            AtomicFiles.write(file, bytes);
            return new SaveOutcome(Origin.of(bytes), null, null);
        }
        String name = file.getFileName().toString();
        Path target = divertTo != null ? divertTo
                : unique(file.resolveSibling(name + ".conflict-" + LocalDateTime.now().format(STAMP)));
        AtomicFiles.write(target, bytes);
        String why = expected.state() == Origin.State.UNREADABLE ? DataNotice.UNREADABLE
                : now.state() == Origin.State.ABSENT ? DataNotice.DELETED : DataNotice.CHANGED;
        return new SaveOutcome(expected, target,
                divertTo != null ? null : new DataNotice(DataNotice.Kind.DIVERTED, file, target, why));
    }

    /** What {@code file} holds now, as an {@link Origin}. */
    static Origin originOf(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
            in.transferTo(OutputStream.nullOutputStream());
            return new Origin(Origin.State.READ,
                    HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest()));
        } catch (NoSuchFileException e) {
            return Origin.ABSENT;
        } catch (IOException e) {
            return Origin.UNREADABLE;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Solutions.sha256: every JVM has SHA-256", e);
        }
    }

    private static Path unique(Path p) {
        Path candidate = p;
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = p.resolveSibling(p.getFileName() + "-" + i);
        }
        return candidate;
    }

    static String reason(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
