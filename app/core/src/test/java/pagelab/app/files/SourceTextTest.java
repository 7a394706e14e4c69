package pagelab.app.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTextTest {
    private static final Charset LINUX = StandardCharsets.UTF_8;
    private static final Charset GBK = Charset.forName("GBK");
    private static final Charset CP1252 = Charset.forName("windows-1252");

    /** Comments students write, in the languages PageLab's classes speak. */
    static final List<String> LATIN = List.of(
            "// café: réserver puis valider chaque page, déjà vu",
            "// naïve version: one VirtualAlloc per cell",
            "// Größe der Region in Bytes, für jede Zelle prüfen",
            "// süß und schön: die Seite wird nur einmal übergeben",
            "// Tamaño de la región; la página está reservada, ¿no?",
            "// ações e funções: página comprometida à força",
            "// « réservé » — pas encore engagé…",
            "// “Guard pages” aren’t free – they cost a fault");
    static final List<String> CHINESE = List.of(
            "// 先保留地址空间，再按需提交页面",
            "// 每个单元格只提交一次：检查返回值",
            "// 访问保护页会引发异常（STATUS_GUARD_PAGE_VIOLATION）",
            "// 你好，世界！",
            "// 稀疏矩阵");

    static String source(String comment) {
        return "public class Solution {\n    " + comment + "\n    int answer() { return 42; }\n}\n";
    }

    @Test
    void utf8IsReadAsUtf8WithoutAWord() throws Exception {
        for (String c : LATIN) {
            SourceText t = SourceText.decode(source(c).getBytes(StandardCharsets.UTF_8), LINUX);
            assertThat(t.text()).isEqualTo(source(c));
            assertThat(t.isUtf8()).isTrue();
            assertThat(t.bom()).isFalse();
        }
    }

    @Test
    void aByteOrderMarkDecidesAndIsDropped() throws Exception {
        byte[] utf8 = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, source("// é").getBytes(StandardCharsets.UTF_8));
        assertThat(SourceText.decode(utf8, LINUX)).isEqualTo(new SourceText(source("// é"), "UTF-8", true));
        byte[] utf16 = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, source(CHINESE.get(0)).getBytes(StandardCharsets.UTF_16LE));
        assertThat(SourceText.decode(utf16, LINUX)).isEqualTo(new SourceText(source(CHINESE.get(0)), "UTF-16LE", true));
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "class A {}".getBytes(StandardCharsets.UTF_16BE));
        assertThat(SourceText.decode(be, LINUX).encoding()).isEqualTo("UTF-16BE");
        byte[] cut = java.util.Arrays.copyOf(utf16, utf16.length - 1);
        assertThatThrownBy(() -> SourceText.decode(cut, LINUX)).isInstanceOf(SourceText.UnreadableException.class)
                .hasMessageContaining("byte-order mark of UTF-16LE");
    }

    @Test
    void latinCommentsSavedByAWesternNotepadReadAsWindows1252() throws Exception {
        for (String c : LATIN) {
            SourceText t = SourceText.decode(source(c).getBytes(CP1252), LINUX);
            assertThat(t.encoding()).as(c).isEqualTo("windows-1252");
            assertThat(t.text()).isEqualTo(source(c));
        }
    }

    @Test
    void chineseCommentsSavedByAChineseNotepadReadAsGbk() throws Exception {
        for (String c : CHINESE) {
            SourceText t = SourceText.decode(source(c).getBytes(GBK), LINUX);
            assertThat(t.encoding()).as(c).isEqualTo("GBK");
            assertThat(t.text()).isEqualTo(source(c));
        }
    }

    @Test
    void aCharacterGbkLacksIsReadAsGb18030() throws Exception {
        String c = "// 𠀀 是 GB18030 才有的字：先保留，再提交";
        SourceText t = SourceText.decode(source(c).getBytes(Charset.forName("GB18030")), LINUX);
        assertThat(t.encoding()).isEqualTo("GB18030");
        assertThat(t.text()).isEqualTo(source(c));
    }

    @Test
    void rareChineseThatWindows1252CannotHoldIsStillReadAsGbk() throws Exception {
        // 0x81 and 0x90 lead bytes: undefined in windows-1252, rare (GBK/3) characters in GBK
        String c = "// 丂丄丅丆丏 乗乛";
        byte[] bytes = source(c).getBytes(GBK);
        assertThat(SourceText.looksChinese(bytes)).isFalse();
        assertThat(SourceText.decode(bytes, LINUX).encoding()).isEqualTo("GBK");
    }

    @Test
    void thePlatformsCodePageComesBeforeTheGuess() throws Exception {
        String c = "// ページをコミットする";
        byte[] sjis = source(c).getBytes(Charset.forName("Shift_JIS"));
        SourceText t = SourceText.decode(sjis, Charset.forName("Shift_JIS"));
        assertThat(t.encoding()).isEqualTo("Shift_JIS");
        assertThat(t.text()).isEqualTo(source(c));
        // On a Chinese Windows, GBK is the platform's: Latin text that happens to decode as GBK reads as GBK there,
        // as it would in that machine's Notepad; elsewhere it reads as windows-1252.
        byte[] naive = source("// naïve").getBytes(CP1252);
        assertThat(SourceText.decode(naive, GBK).encoding()).isEqualTo("GBK");
        assertThat(SourceText.decode(naive, CP1252).encoding()).isEqualTo("windows-1252");
    }

    @Test
    void binaryAndUndecodableBytesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> SourceText.decode(new byte[] {'c', 'l', '\n', 0, 1, 2}, LINUX))
                .isInstanceOf(SourceText.UnreadableException.class).hasMessage("it is not text: it holds a NUL byte on line 2");
        assertThatThrownBy(() -> SourceText.decode("class A {\n\u0007}".getBytes(StandardCharsets.US_ASCII), LINUX))
                .hasMessageContaining("control character U+0007 on line 2");
        // 0x81 0x20: not UTF-8, not GBK (a space cannot follow a lead byte), not windows-1252 (0x81 is undefined)
        assertThatThrownBy(() -> SourceText.decode(new byte[] {'a', '\n', (byte) 0x81, ' '}, LINUX))
                .isInstanceOf(SourceText.UnreadableException.class)
                .hasMessageContaining("no encoding PageLab knows").hasMessageContaining("0x81 on line 2");
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("Big.java");
        Files.write(big, new byte[SourceText.MAX_BYTES + 1]);
        assertThatThrownBy(() -> SourceText.read(big)).isInstanceOf(SourceText.UnreadableException.class)
                .hasMessageContaining("larger than 1024 KB");
        Path ok = dir.resolve("Ok.java");
        Files.write(ok, source(CHINESE.get(1)).getBytes(GBK));
        assertThat(SourceText.read(ok).text()).isEqualTo(source(CHINESE.get(1)));
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
