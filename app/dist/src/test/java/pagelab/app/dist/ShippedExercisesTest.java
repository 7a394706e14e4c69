package pagelab.app.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pagelab.app.plugins.LoadedExercise;
import pagelab.app.plugins.PluginHost;
import pagelab.app.plugins.PluginLocations;
import pagelab.app.plugins.PluginStatus;
import pagelab.exercise.ExerciseDescriptor;
import pagelab.testkit.MarkdownOutline;

/**
 * What the distribution ships, with no list to keep: every module under {@code exercises/} is built, shipped in
 * {@code plugins/}, loads, has its place on the workshop track, has its instructions in Simplified Chinese too, and
 * has its row in {@code docs/exercises.md}. Run with
 * {@code -Ddocs.update=true} to rewrite that table from the exercises.
 */
class ShippedExercisesTest {
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path PLUGINS = Path.of("target/plugins").toAbsolutePath();
    private static final Path CATALOG = ROOT.resolve("docs/exercises.md");
    private static final Pattern TABLE = Pattern.compile("(?s)(<!-- table: .*? -->\n)(.*?)(\n<!-- end of table -->)");

    private static PluginHost host;

    @BeforeAll
    static void loadTheShippedPlugins() {
        host = PluginHost.load(new PluginLocations(List.of(), List.of(), null, PLUGINS));
    }

    @AfterAll
    static void close() {
        host.close();
    }

    @Test
    void everyExerciseModuleIsAModuleOfTheBuildAndIsShipped() throws IOException {
        List<String> modules = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(read(ROOT.resolve("exercises/pom.xml")));
        while (m.find()) {
            modules.add(m.group(1));
        }
        List<String> folders;
        try (Stream<Path> s = Files.list(ROOT.resolve("exercises"))) {
            folders = s.filter(p -> Files.isRegularFile(p.resolve("pom.xml"))).map(p -> p.getFileName().toString())
                    .sorted().toList();
        }
        List<String> shipped;
        try (Stream<Path> s = Files.list(PLUGINS)) {
            shipped = s.map(p -> p.getFileName().toString().replaceFirst("\\.jar$", "")).sorted().toList();
        }

        assertThat(modules).as("<module> lines of exercises/pom.xml (the archetype adds one)")
                .containsExactlyInAnyOrderElementsOf(folders);
        assertThat(shipped).as("jars in %s", PLUGINS).containsExactlyElementsOf(folders);
    }

    @Test
    void everyShippedPluginLoadsAndPlacesItsExercisesOnTheTrack() {
        assertThat(host.plugins()).allSatisfy(p -> assertThat(p.isLoaded()).as(p.label() + ": " + p.reason()).isTrue())
                .extracting(PluginStatus::pluginId).doesNotHaveDuplicates();
        List<ExerciseDescriptor> exercises = host.exercises().stream().map(LoadedExercise::descriptor).toList();

        assertThat(exercises).hasSize(host.plugins().size()).allSatisfy(d ->
                assertThat(d.track()).as("%s.onTrack(stage, step) in its descriptor", d.id()).isNotNull());
        assertThat(exercises).extracting(ExerciseDescriptor::track).doesNotHaveDuplicates();
    }

    /**
     * The course is taught in English and in Simplified Chinese: a student who reads Chinese gets every exercise's
     * instructions in Chinese, complete. Each exercise's verification compares a translation it declares with the
     * English; this test is what makes the translation required for what is shipped.
     */
    /**
     * Every shipped exercise names its checks in Chinese too (its {@code checks_zh_CN.properties}): a title for every
     * {@code @Check}; its verification makes sure the hints of its failure modes are there as well.
     */
    @Test
    void everyShippedExerciseTitlesEveryCheckInChinese() {
        assertThat(host.exercises()).isNotEmpty().allSatisfy(e -> {
            pagelab.exercise.CheckTexts texts = pagelab.exercise.CheckTexts.of(e.exercise(),
                    Locale.SIMPLIFIED_CHINESE);
            assertThat(texts.translated()).as("%s: %s/checks_zh_CN.properties", e.id(), e.id()).isTrue();
            for (java.lang.reflect.Method m : e.exercise().checks().getMethods()) {
                if (m.isAnnotationPresent(pagelab.exercise.Check.class)) {
                    assertThat(texts.title(m.getName())).as("%s: check.%s.title", e.id(), m.getName()).isNotBlank();
                }
            }
        });
    }

    @Test
    void everyShippedExerciseHasChineseInstructionsWithEverySectionOfTheEnglish() {
        assertThat(host.exercises()).isNotEmpty().allSatisfy(e -> {
            String english = e.exercise().instructions(null);
            String chinese = e.exercise().instructions(Locale.SIMPLIFIED_CHINESE);
            assertThat(e.exercise().translations()).as("%s: translations() (instructions_zh_CN.md beside "
                    + "instructions.md)", e.id()).contains(Locale.SIMPLIFIED_CHINESE);
            assertThat(chinese).as("%s: the zh_CN instructions", e.id()).isNotEqualTo(english);
            assertThat(MarkdownOutline.difference(english, chinese, e.id() + "'s zh_CN instructions"))
                    .as("%s: sections of the English instructions missing from the Chinese", e.id()).isEmpty();
        });
    }

    @Test
    void theCatalogInTheDocsHasARowPerExerciseAsItsDescriptorSays() throws IOException {
        String doc = read(CATALOG);
        Matcher m = TABLE.matcher(doc);
        assertThat(m.find()).as("docs/exercises.md holds the table between its markers").isTrue();
        String wanted = table();
        if (Boolean.getBoolean("docs.update")) {
            doc = doc.substring(0, m.start(2)) + wanted + doc.substring(m.end(2));
            Files.writeString(CATALOG, doc, StandardCharsets.UTF_8);
        } else {
            assertThat(m.group(2)).as("the table of docs/exercises.md (-Ddocs.update=true rewrites it)")
                    .isEqualTo(wanted);
        }
    }

    private static String table() {
        StringBuilder b = new StringBuilder("| chapter | id | title | difficulty | minutes | track | known-wrong "
                + "| languages | what it teaches |\n|---|---|---|---|---|---|---|---|---|");
        host.exercises().stream().sorted(Comparator.comparing((LoadedExercise e) -> e.descriptor().chapter())
                .thenComparing(LoadedExercise::id)).forEach(e -> {
                    ExerciseDescriptor d = e.descriptor();
                    List<String> languages = new ArrayList<>(List.of("English"));
                    e.exercise().translations().forEach(l -> languages.add(language(l)));
                    List<String> cells = List.of(String.valueOf(d.chapter()), "`" + d.id() + "`", d.title(),
                            d.difficulty().name().toLowerCase(Locale.ROOT), String.valueOf(d.minutes()),
                            d.track().stage() + "." + d.track().step(), String.valueOf(e.exercise().knownWrong().size()),
                            String.join(", ", languages), String.join("; ", d.goals()));
                    b.append("\n| ").append(String.join(" | ", cells)).append(" |");
                });
        return b.toString();
    }

    // A language as its readers name it.
    private static String language(Locale l) {
        return Map.of(Locale.SIMPLIFIED_CHINESE, "简体中文").getOrDefault(l, l.getDisplayName(l));
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }
}
