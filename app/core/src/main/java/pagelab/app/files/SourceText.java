package pagelab.app.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A student's text file decoded the way an editor opens it, with the encoding it was read in. The command line
 * ({@code check}, {@code grade}), the desktop's editor and the playground's sessions all read through here, so a
 * file reads the same everywhere.
 *
 * <p>The rule, in order (the first that decodes the bytes without a single error wins):
 * <ol>
 *   <li>a byte-order mark decides: UTF-8, UTF-16LE or UTF-16BE (a file that then fails to decode is unreadable);
 *   <li>UTF-8 (plain ASCII is UTF-8);
 *   <li>the platform's code page ({@code native.encoding}: what Notepad on this machine writes), unless it is
 *       UTF-8, ASCII, ISO-8859-1 or windows-1252, which have their place elsewhere in this list;
 *   <li>GBK (or GB18030 for the characters GBK lacks), if the text reads as Chinese: see {@link #looksChinese};
 *   <li>windows-1252;
 *   <li>GBK, then GB18030, for Chinese text of rare characters that windows-1252 cannot hold.
 * </ol>
 * windows-1252 comes after the Chinese test because it decodes almost any bytes (only 0x81, 0x8D, 0x8F, 0x90 and
 * 0x9D are undefined): tried earlier it would read every GBK file as accented nonsense. The Chinese test comes
 * before it because Latin text in windows-1252 rarely passes it (see there). A file that holds NUL or other
 * control characters no editor writes is not text and is refused whatever it decodes as.
 *
 * @param text     the decoded text, without the byte-order mark
 * @param encoding the Java name of the encoding used: {@code UTF-8}, {@code UTF-16LE}, {@code GBK},
 *                 {@code windows-1252} ...
 * @param bom      whether a byte-order mark decided the encoding
 */
public record SourceText(String text, String encoding, boolean bom) {
    /** Larger files are refused: no solution is that long, and reading one must not exhaust the host. */
    public static final int MAX_BYTES = 1024 * 1024;
    /** The encoding PageLab writes, and the one a file needs to be read without a word. */
    public static final String UTF_8 = "UTF-8";

    private static final Set<String> NOT_A_CHOICE = Set.of("UTF-8", "US-ASCII", "ISO-8859-1", "windows-1252");
    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Thrown for a file that is not text PageLab can read; the message says why, for the student. */
    public static final class UnreadableException extends IOException {
        private static final long serialVersionUID = 1L;

        public UnreadableException(String message) {
            super(message);
        }
    }

    /** Whether the file was plain UTF-8 (a UTF-8 byte-order mark counts as UTF-8: the text is the same). */
    public boolean isUtf8() {
        return UTF_8.equals(encoding);
    }

    /**
     * Reads and decodes {@code file}.
     *
     * @throws UnreadableException if it is larger than {@link #MAX_BYTES}, not text, or in no encoding of the rule
     * @throws IOException         if it cannot be read at all (missing, no permission)
     */
    public static SourceText read(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw new UnreadableException("it is larger than " + MAX_BYTES / 1024 + " KB, too large for a source");
        }
        return decode(bytes);
    }

    /** Decodes {@code bytes} with this machine's code page as the platform's. */
    public static SourceText decode(byte[] bytes) throws UnreadableException {
        return decode(bytes, platformCharset());
    }

    /**
     * Decodes {@code bytes} by the rule of this class, with {@code platform} as the platform's code page.
     *
     * @throws UnreadableException saying why, when no encoding of the rule fits or the bytes are not text
     */
    public static SourceText decode(byte[] bytes, Charset platform) throws UnreadableException {
        SourceText byBom = byByteOrderMark(bytes);
        if (byBom != null) {
            return checkedText(byBom, bytes);
        }
        int nul = indexOf(bytes, (byte) 0);
        if (nul >= 0) {
            throw new UnreadableException("it is not text: it holds a NUL byte on line " + lineAt(bytes, nul));
        }
        List<Charset> order = new ArrayList<>();
        order.add(StandardCharsets.UTF_8);
        if (platform != null && !NOT_A_CHOICE.contains(platform.name())) {
            order.add(platform);
        }
        for (Charset c : order) {
            String text = strictly(bytes, c);
            if (text != null) {
                return checkedText(new SourceText(text, c.name(), false), bytes);
            }
        }
        SourceText chinese = chinese(bytes);
        if (chinese != null && looksChinese(bytes)) {
            return checkedText(chinese, bytes);
        }
        String western = strictly(bytes, WINDOWS_1252);
        if (western != null) {
            return checkedText(new SourceText(western, WINDOWS_1252.name(), false), bytes);
        }
        if (chinese != null) {
            return checkedText(chinese, bytes);
        }
        int bad = firstBadUtf8(bytes);
        throw new UnreadableException("it is in no encoding PageLab knows (UTF-8, "
                + (order.size() > 1 ? order.get(1).name() + ", " : "") + "GBK, GB18030 or windows-1252): the first "
                + "byte that is not UTF-8 is 0x" + String.format(Locale.ROOT, "%02X", bytes[bad] & 0xFF) + " on line "
                + lineAt(bytes, bad));
    }

    /** The platform's code page, or null when the JVM does not know it. */
    static Charset platformCharset() {
        try {
            String name = System.getProperty("native.encoding");
            return name == null ? null : Charset.forName(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static SourceText byByteOrderMark(byte[] b) throws UnreadableException {
        String name;
        int skip;
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            name = UTF_8;
            skip = 3;
        } else if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            name = "UTF-16LE";
            skip = 2;
        } else if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            name = "UTF-16BE";
            skip = 2;
        } else {
            return null;
        }
        byte[] rest = Arrays.copyOfRange(b, skip, b.length);
        String text = strictly(rest, Charset.forName(name));
        if (text == null) {
            throw new UnreadableException("it starts with the byte-order mark of " + name
                    + " but is not valid " + name + " (cut short or damaged?)");
        }
        return new SourceText(text, name, true);
    }

    /** The GBK reading of {@code bytes}, or the GB18030 one when GBK lacks a character, or null. */
    private static SourceText chinese(byte[] bytes) {
        String text = strictly(bytes, GBK);
        if (text != null) {
            return new SourceText(text, GBK.name(), false);
        }
        text = strictly(bytes, GB18030);
        return text == null ? null : new SourceText(text, GB18030.name(), false);
    }

    /**
     * Whether bytes that decode as GBK/GB18030 read as Chinese rather than as Latin text that happens to decode.
     * Chinese text is mostly the 3,755 common characters of GB2312 level 1 (lead byte 0xB0-0xD7) and GB2312's
     * punctuation and full-width forms (lead 0xA1-0xA9), all with a second byte 0xA1-0xFE: at least half of the
     * multi-byte characters must be of those. Latin text read as GBK gives rare characters instead: an accented
     * small letter (0xDF-0xFF in windows-1252) before an ASCII letter or another accented letter makes a GBK
     * level-2, extension or user-defined character ("naïve" reads as GBK "na飗e", "Größe" as "Gr鲞e"), and an
     * accented letter before a space or a line end does not decode at all. What still fools the test is a file
     * whose only accented text is capitals in pairs ("ÇÕ"): rare in a source file.
     */
    static boolean looksChinese(byte[] b) {
        int all = 0;
        int common = 0;
        for (int i = 0; i < b.length; ) {
            int lead = b[i] & 0xFF;
            if (lead < 0x80) {
                i++;
                continue;
            }
            all++;
            int trail = i + 1 < b.length ? b[i + 1] & 0xFF : 0;
            if (trail >= '0' && trail <= '9') {
                i += 4; // a GB18030 four-byte character: never a common one
                continue;
            }
            boolean gb2312 = trail >= 0xA1 && trail <= 0xFE;
            if (gb2312 && (lead >= 0xB0 && lead <= 0xD7 || lead >= 0xA1 && lead <= 0xA9)) {
                common++;
            }
            i += 2;
        }
        return all > 0 && common * 2 >= all;
    }

    // Control characters no editor writes mean the bytes are not text (a class file, an image, a zip).
    // Allowed: tab, line feed, vertical tab, form feed, carriage return, and the DOS end-of-file mark 0x1A.
    private static SourceText checkedText(SourceText t, byte[] bytes) throws UnreadableException {
        String s = t.text();
        int line = 1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
            } else if (c < 0x20 && c != '\t' && c != 0x0B && c != '\f' && c != '\r' && c != 0x1A) {
                throw new UnreadableException("it is not text: it holds the control character U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + " on line " + line);
            }
        }
        return t;
    }

    private static String strictly(byte[] bytes, Charset c) {
        try {
            return c.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static int firstBadUtf8(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? Math.min(in.position(), bytes.length - 1) : Math.max(0, bytes.length - 1);
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static int lineAt(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
