package pagelab.app.desktop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {
    private static final Pattern KEY_USE = Pattern.compile(
            "(?:Messages\\.(?:get|format)|Ui\\.(?:menu|item|button|action)|radio\\([^,]+,|\\bmsg)\\(\"([a-zA-Z0-9_.]+)\"");

    @AfterEach
    void restore() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void chineseBundleHasExactlyTheEnglishKeys() throws IOException {
        assertThat(load("messages_zh_CN.properties").stringPropertyNames())
                .isEqualTo(load("messages.properties").stringPropertyNames());
    }

    /** Keys whose Chinese is rightly the English: a name, code, or arrows. */
    private static final Set<String> SAME_IN_BOTH = Set.of("app.title", "memoryMap.detail.peb", "memoryMap.first",
            "memoryMap.previousChange", "memoryMap.previous", "memoryMap.next", "memoryMap.nextChange", "memoryMap.last",
            "trace.column.sequence", "trace.column.error", "playground.placeholder");
    /** Lower-case words that may stand in Chinese text: a command, file extensions, an option. */
    private static final Set<String> CODE_WORDS = Set.of("help", "bak", "jar", "zip", "plugins");

    /**
     * Every key has a translation (issue 16): a Chinese text that is not the English one (but for names and code) and
     * has no English word in it outside code, Win32 names ({@code MEM_COMMIT}, {@code VirtualAlloc}) and arguments.
     */
    @Test
    void everyKeyIsTranslatedIntoChinese() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        Set<String> untranslated = new TreeSet<>();
        for (String key : en.stringPropertyNames()) {
            String z = zh.getProperty(key, "");
            if (z.isBlank() || z.equals(en.getProperty(key)) && !SAME_IN_BOTH.contains(key)) {
                untranslated.add(key + "=" + z);
                continue;
            }
            Matcher words = Pattern.compile("\\b[a-z]{3,}\\b").matcher(z.replaceAll("\\{[^}]*}", ""));
            while (words.find()) {
                if (!CODE_WORDS.contains(words.group())) {
                    untranslated.add(key + ": \"" + words.group() + "\" in " + z);
                }
            }
        }
        assertThat(untranslated).isEmpty();
    }

    @Test
    void everyKeyTheSourceUsesExistsInTheBundle() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                Matcher m = KEY_USE.matcher(Files.readString(f));
                while (m.find()) {
                    if (!m.group(1).endsWith(".") && !keys.contains(m.group(1))) {
                        missing.add(f.getFileName() + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void englishSettingMeansEnglishEvenOnAChineseSystem() {
        Messages.use(Messages.localeFor("en", Locale.SIMPLIFIED_CHINESE));
        assertThat(Messages.get("tab.playground")).isEqualTo("Playground");
        Messages.use(Messages.localeFor("system", Locale.SIMPLIFIED_CHINESE));
        assertThat(Messages.get("tab.playground")).isEqualTo("试验场");
    }

    @Test
    void aMissingKeyShowsInsteadOfThrowing() {
        assertThat(Messages.get("no.such.key")).isEqualTo("!no.such.key!");
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/pagelab/app/desktop/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
