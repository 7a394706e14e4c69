package pagelab.app.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/pagelab.cmd} is the Windows twin of {@code bin/pagelab}: the same steps in the same order (each begins
 * with a comment {@code [tag]}), and in each step the same JVM options, system properties, environment variables
 * and files of the release. Windows cannot be run here, so this is the review a change to either launcher gets.
 */
class ReleaseLaunchersTest {
    private static final Path BIN = Path.of("src/release/bin");
    private static final Pattern STEP = Pattern.compile("^(?:#|rem) \\[([a-z-]+)\\]");
    private static final Pattern COMMENT = Pattern.compile("^\\s*(?:#|rem |@echo)");
    /** -Dname, -XX:[+-]Name, -Xshare:auto, -Xlog:what=off, -jar. */
    private static final Pattern JVM_OPTION = Pattern.compile(
            "(?<![\\w-])-(?:D[a-z.]+(?==)|XX:[+-]?[A-Za-z]+|X[a-z]+:[a-z+=]+|jar)");
    private static final Pattern VARIABLE = Pattern.compile("\\b(JAVA_HOME|PAGELAB_[A-Z_]+|DISPLAY)\\b");
    private static final Pattern RELEASE_FILE = Pattern.compile("(?:lib|plugins)(?:[\\\\/][\\w-][\\w.-]*)?"); // a dotfile (a probe) is its folder

    @Test
    void theWindowsLauncherTakesTheSameStepsWithTheSameOptions() throws IOException {
        Map<String, String> sh = steps(BIN.resolve("pagelab"));
        Map<String, String> cmd = steps(BIN.resolve("pagelab.cmd"));

        assertThat(cmd.keySet()).as("the steps of pagelab.cmd").containsExactlyElementsOf(sh.keySet());
        assertThat(sh.keySet()).contains("here", "java", "options", "desktop-cds", "run");
        for (String step : sh.keySet()) {
            assertThat(found(JVM_OPTION, cmd.get(step))).as("JVM options of step [%s] in pagelab.cmd", step)
                    .isEqualTo(found(JVM_OPTION, sh.get(step)));
            assertThat(found(RELEASE_FILE, cmd.get(step).replace('\\', '/')))
                    .as("release files of step [%s] in pagelab.cmd", step)
                    .isEqualTo(found(RELEASE_FILE, sh.get(step)));
            TreeSet<String> shVariables = found(VARIABLE, sh.get(step));
            shVariables.remove("DISPLAY"); // Windows always has a display
            assertThat(found(VARIABLE, cmd.get(step))).as("environment variables of step [%s] in pagelab.cmd", step)
                    .isEqualTo(shVariables);
        }
    }

    @Test
    void theOptionsAreThoseOfTheDevelopersLauncher() throws IOException {
        String dev = Files.readString(Path.of("../../pagelab"));
        dev = dev.substring(dev.indexOf("\nopts=(")); // the JVM's options, not Maven's
        TreeSet<String> release = found(JVM_OPTION, String.join("\n", steps(BIN.resolve("pagelab")).values()));
        release.remove("-Dpagelab.install.dir"); // only a release has an installation folder
        assertThat(release).isEqualTo(found(JVM_OPTION, dev));
    }

    /** The code (no comments) of each step, by tag, in order. */
    private static Map<String, String> steps(Path script) throws IOException {
        Map<String, String> steps = new LinkedHashMap<>();
        String step = null;
        for (String line : Files.readAllLines(script)) {
            Matcher m = STEP.matcher(line);
            if (m.find()) {
                step = m.group(1);
                assertThat(steps).as("%s has step [%s] twice", script, step).doesNotContainKey(step);
                steps.put(step, "");
            } else if (step != null && !COMMENT.matcher(line).find()) {
                steps.put(step, steps.get(step) + line + "\n");
            }
        }
        return steps;
    }

    private static TreeSet<String> found(Pattern p, String text) {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
