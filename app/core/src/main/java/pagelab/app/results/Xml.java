package pagelab.app.results;

/** XML 1.0 text hygiene: student output may hold control characters that no XML document may contain. */
final class Xml {
    private Xml() {
    }

    /** {@code text} without the characters XML 1.0 forbids (each becomes '?'); null stays empty. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> b.appendCodePoint(allowed(c) ? c : '?'));
        return b.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
