package pagelab.app.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pagelab.app.plugins.PluginStatus.State;
import pagelab.exercise.Exercise;
import pagelab.exercise.ExerciseApi;

/**
 * Every kind of broken plugin is reported with its reason, and the good plugins next to it still load.
 */
class PluginHostTest {
    @TempDir
    Path dir;

    private Path good(String name, String pluginId, String exerciseId) throws IOException {
        String pkg = "p." + pluginId.replace('-', '_');
        return TestPlugins.jar(dir.resolve(name), pkg, TestPlugins.exercise(pkg, exerciseId, ""),
                TestPlugins.manifest(pluginId));
    }

    private static PluginStatus status(PluginHost host, String fileName) {
        return host.plugins().stream().filter(p -> p.path().getFileName().toString().equals(fileName))
                .findFirst().orElseThrow();
    }

    @Test
    void goodPluginLoadsItsExercise() throws IOException {
        good("a.jar", "alpha", "alpha-ex");
        try (PluginHost host = PluginHost.load(shippedDir())) {
            PluginStatus s = status(host, "a.jar");
            assertThat(s.state()).isEqualTo(State.LOADED);
            assertThat(s.pluginId()).isEqualTo("alpha");
            assertThat(s.version()).isEqualTo("1.0.0");
            assertThat(s.exerciseIds()).containsExactly("alpha-ex");
            LoadedExercise e = host.exercise("alpha-ex").orElseThrow();
            assertThat(e.descriptor().title()).isEqualTo("Test alpha-ex");
            assertThat(e.classpath()).containsExactly(dir.resolve("a.jar"));
            assertThat(e.pluginHash()).hasSize(64);
        }
    }

    @Test
    void corruptArchiveIsReportedAndOthersStillLoad() throws IOException {
        good("a.jar", "alpha", "alpha-ex");
        Files.write(dir.resolve("broken.jar"), new byte[]{'P', 'K', 3, 4, 1, 2, 3});
        try (PluginHost host = PluginHost.load(shippedDir())) {
            PluginStatus s = status(host, "broken.jar");
            assertThat(s.state()).isEqualTo(State.FAILED);
            assertThat(s.reason()).startsWith("not a readable jar");
            assertThat(host.exercise("alpha-ex")).isPresent();
        }
    }

    @Test
    void missingDescriptorIsReported() throws IOException {
        good("a.jar", "alpha", "alpha-ex");
        TestPlugins.jar(dir.resolve("nodesc.jar"), "p.nodesc", TestPlugins.exercise("p.nodesc", "nodesc", ""),
                Map.of());
        try (PluginHost host = PluginHost.load(shippedDir())) {
            PluginStatus s = status(host, "nodesc.jar");
            assertThat(s.state()).isEqualTo(State.FAILED);
            assertThat(s.reason()).startsWith("no plugin descriptor").contains("Plugin-Id");
            assertThat(host.exercise("alpha-ex")).isPresent();
        }
    }

    @Test
    void extensionWhoseConstructorThrowsIsReported() throws IOException {
        good("a.jar", "alpha", "alpha-ex");
        TestPlugins.jar(dir.resolve("throws.jar"), "p.throwing", TestPlugins.exercise("p.throwing", "throwing",
                "if (true) throw new IllegalStateException(\"boom in the constructor\");"),
                TestPlugins.manifest("throwing"));
        try (PluginHost host = PluginHost.load(shippedDir())) {
            PluginStatus s = status(host, "throws.jar");
            assertThat(s.state()).isEqualTo(State.FAILED);
            assertThat(s.pluginId()).isEqualTo("throwing");
            assertThat(s.reason()).contains("constructor of p.throwing.Ex threw IllegalStateException")
                    .contains("boom in the constructor");
            assertThat(host.exercise("alpha-ex")).isPresent();
            assertThat(host.exercise("throwing")).isEmpty();
        }
    }

    @Test
    void aPluginWhoseChecksClassCannotBeMadeIsRefusedWithTheCause() throws IOException {
        String source = TestPlugins.exercise("p.checks", "checks", "").replace("public static class Checks {",
                "public static class Checks {\n        public Checks() { Integer.parseInt(\"sixty-four\"); }");
        TestPlugins.jar(dir.resolve("checks.jar"), "p.checks", source, TestPlugins.manifest("checks"));
        try (PluginHost host = PluginHost.load(shippedDir())) {
            PluginStatus s = status(host, "checks.jar");
            assertThat(s.state()).isEqualTo(State.FAILED);
            assertThat(s.reason()).startsWith("the checks of p.checks.Ex cannot run: the constructor of Checks threw "
                    + "java.lang.NumberFormatException: For input string: \"sixty-four\"")
                    .contains("at p.checks.Ex$Checks.<init>(Ex.java:");
            assertThat(host.exercise("checks")).isEmpty();
        }
    }

    @Test
    void unmetVersionRequirementIsRefusedWithBothVersions() throws IOException {
        good("a.jar", "alpha", "alpha-ex");
        Map<String, String> mf = new HashMap<>(TestPlugins.manifest("future"));
        mf.put("Plugin-Requires", ">=9.0.0");
        TestPlugins.jar(dir.resolve("future.jar"), "p.future", TestPlugins.exercise("p.future", "future", ""), mf);
        try (PluginHost host = PluginHost.load(shippedDir())) {
            PluginStatus s = status(host, "future.jar");
            assertThat(s.state()).isEqualTo(State.FAILED);
            assertThat(s.reason())
                    .isEqualTo("requires exercise API >=9.0.0 but this PageLab offers " + ExerciseApi.VERSION);
            assertThat(host.exercise("alpha-ex")).isPresent();
        }
    }

    @Test
    void secondPluginWithTheSameExerciseIdIsRefused() throws IOException {
        good("a.jar", "alpha", "shared-ex");
        good("b.jar", "beta", "shared-ex");
        good("c.jar", "gamma", "gamma-ex");
        try (PluginHost host = PluginHost.load(shippedDir())) {
            assertThat(status(host, "a.jar").state()).isEqualTo(State.LOADED);
            PluginStatus b = status(host, "b.jar");
            assertThat(b.state()).isEqualTo(State.FAILED);
            assertThat(b.reason()).startsWith("exercise id 'shared-ex' is already provided by plugin 'alpha'");
            assertThat(host.exercise("shared-ex").orElseThrow().pluginId()).isEqualTo("alpha");
            assertThat(host.exercise("gamma-ex")).isPresent();
        }
    }

    @Test
    void secondPluginWithTheSamePluginIdIsRefused() throws IOException {
        good("a.jar", "alpha", "alpha-ex");
        good("b.jar", "alpha", "other-ex");
        try (PluginHost host = PluginHost.load(shippedDir())) {
            PluginStatus b = status(host, "b.jar");
            assertThat(b.state()).isEqualTo(State.FAILED);
            assertThat(b.reason()).contains("a plugin with id 'alpha' is already loaded");
        }
    }

    @Test
    void pluginWithoutExtensionIndexSaysHowToFixIt() throws IOException {
        Path classes = TestPlugins.compile(Files.createTempDirectory("noidx"), "p.noidx",
                TestPlugins.exercise("p.noidx", "noidx", ""));
        Files.delete(classes.resolve("META-INF/extensions.idx"));
        TestPlugins.pack(dir.resolve("noidx.jar"), classes, TestPlugins.manifest("noidx"), Map.of());
        try (PluginHost host = PluginHost.load(shippedDir())) {
            assertThat(status(host, "noidx.jar").reason()).contains("META-INF/extensions.idx").contains("@Extension");
        }
    }

    @Test
    void pluginThatBundlesTheApiStillUsesTheHostsCopy() throws IOException {
        Path classes = TestPlugins.compile(Files.createTempDirectory("bundled"), "p.bundled",
                TestPlugins.exercise("p.bundled", "bundled", ""));
        byte[] api;
        try (InputStream in = Exercise.class.getResourceAsStream("Exercise.class")) {
            api = in.readAllBytes();
        }
        TestPlugins.pack(dir.resolve("bundled.jar"), classes, TestPlugins.manifest("bundled"),
                Map.of("pagelab/exercise/Exercise.class", api));
        try (PluginHost host = PluginHost.load(shippedDir())) {
            assertThat(status(host, "bundled.jar").state()).isEqualTo(State.LOADED);
            assertThat(host.exercise("bundled")).isPresent();
        }
    }

    @Test
    void developmentModeLoadsModulesOfTheSourceTree() throws IOException {
        Path classes = dir.resolve("tree/exercises/dev-one/target/classes");
        TestPlugins.compile(classes, "p.devone", TestPlugins.exercise("p.devone", "dev-one", ""));
        Files.writeString(dir.resolve("tree/exercises/dev-one/plugin.properties"),
                "plugin.id=dev-one\nplugin.version=0.0.1\nplugin.requires=>=0.1.0\n");
        try (PluginHost host = PluginHost.load(new PluginLocations(List.of(dir.resolve("tree")),
                List.of(), null, null))) {
            PluginStatus s = host.plugins().get(0);
            assertThat(s.reason()).isNull();
            assertThat(s.origin()).isEqualTo(PluginOrigin.DEVELOPMENT);
            assertThat(host.exercise("dev-one")).isPresent();
        }
    }

    @Test
    void zipAndMissingFoldersNeverThrow() throws IOException {
        Files.write(dir.resolve("x.zip"), new byte[]{1});
        try (PluginHost host = PluginHost.load(new PluginLocations(List.of(dir.resolve("nowhere")),
                List.of(), dir.resolve("also-missing"), dir))) {
            assertThat(status(host, "x.zip").reason()).contains("zip plugins are not supported");
        }
    }

    @Test
    void installCopiesAJarIntoTheUserFolderAndLoadsIt() throws IOException {
        Path elsewhere = Files.createDirectories(dir.resolve("downloads"));
        Path jar = TestPlugins.jar(elsewhere.resolve("new.jar"), "p.fresh", TestPlugins.exercise("p.fresh", "fresh",
                ""), TestPlugins.manifest("fresh"));
        Path user = dir.resolve("user");
        try (PluginHost host = PluginHost.load(new PluginLocations(List.of(), List.of(), user,
                null))) {
            assertThat(host.install(jar).state()).isEqualTo(State.LOADED);
            assertThat(Files.exists(user.resolve("new.jar"))).isTrue();
            assertThat(host.exercise("fresh")).isPresent();
        }
        try (PluginHost again = PluginHost.load(new PluginLocations(List.of(), List.of(), user, null))) {
            assertThat(again.exercise("fresh")).as("an installed plugin loads at the next start").isPresent();
            again.uninstall("fresh");
            assertThat(again.exercise("fresh")).isEmpty();
            assertThat(user.resolve("new.jar")).doesNotExist();
        }
    }

    @Test
    void aJarThatAppearsInTheUserFolderWithoutBeingInstalledIsNeverLoaded() throws IOException {
        Path user = Files.createDirectories(dir.resolve("user"));
        TestPlugins.jar(user.resolve("planted.jar"), "p.planted", TestPlugins.exercise("p.planted", "planted",
                ""), TestPlugins.manifest("planted"));
        try (PluginHost host = PluginHost.load(new PluginLocations(List.of(), List.of(), user, null))) {
            PluginStatus s = status(host, "planted.jar");
            assertThat(s.state()).isEqualTo(State.FAILED);
            assertThat(s.reason()).contains("not installed through PageLab").contains("pagelab plugin install");
            assertThat(host.exercise("planted")).isEmpty();
        }
    }

    @Test
    void anInstalledJarChangedAfterwardsIsNoLongerLoaded() throws IOException {
        Path jar = TestPlugins.jar(Files.createDirectories(dir.resolve("downloads")).resolve("x.jar"), "p.xx",
                TestPlugins.exercise("p.xx", "xx", ""), TestPlugins.manifest("xx"));
        Path user = dir.resolve("user");
        try (PluginHost host = PluginHost.load(new PluginLocations(List.of(), List.of(), user, null))) {
            host.install(jar);
        }
        TestPlugins.jar(user.resolve("x.jar"), "p.xx", TestPlugins.exercise("p.xx", "xx",
                "System.out.println(\"swapped\");"), TestPlugins.manifest("xx"));
        try (PluginHost host = PluginHost.load(new PluginLocations(List.of(), List.of(), user, null))) {
            assertThat(status(host, "x.jar").reason()).contains("not installed through PageLab");
            assertThat(host.exercise("xx")).isEmpty();
        }
    }

    @Test
    void anInstalledPluginCannotTakeOverAShippedExercise() throws IOException {
        Path shipped = Files.createDirectories(dir.resolve("shipped"));
        TestPlugins.jar(shipped.resolve("real.jar"), "p.real", TestPlugins.exercise("p.real", "sparse-cells", ""),
                TestPlugins.manifest("real"));
        Path impostor = TestPlugins.jar(Files.createDirectories(dir.resolve("downloads")).resolve("fake.jar"),
                "p.fake", TestPlugins.exercise("p.fake", "sparse-cells", ""), TestPlugins.manifest("fake"));
        try (PluginHost host = PluginHost.load(new PluginLocations(List.of(), List.of(), dir.resolve("user"),
                shipped))) {
            PluginStatus s = host.install(impostor);
            assertThat(s.state()).isEqualTo(State.FAILED);
            assertThat(s.reason()).contains("exercise id 'sparse-cells' is already provided by plugin 'real'");
            assertThat(host.exercise("sparse-cells").orElseThrow().pluginId()).isEqualTo("real");
        }
    }

    @Test
    void aDisabledShippedPluginIsNotLoadedUntilEnabledAndStaysOffAcrossStarts() throws IOException {
        Path shipped = Files.createDirectories(dir.resolve("shipped"));
        TestPlugins.jar(shipped.resolve("a.jar"), "p.alpha", TestPlugins.exercise("p.alpha", "alpha-ex", ""),
                TestPlugins.manifest("alpha"));
        TestPlugins.jar(shipped.resolve("b.jar"), "p.beta", TestPlugins.exercise("p.beta", "beta-ex", ""),
                TestPlugins.manifest("beta"));
        PluginLocations where = new PluginLocations(List.of(), List.of(), dir.resolve("user"), shipped);
        try (PluginHost host = PluginHost.load(where)) {
            PluginStatus off = host.disable("alpha");
            assertThat(off.state()).isEqualTo(State.DISABLED);
            assertThat(off.path()).isEqualTo(shipped.resolve("a.jar"));
            assertThat(host.exercise("alpha-ex")).isEmpty();
            assertThat(host.exercise("beta-ex")).isPresent();
            assertThat(host.disable("alpha")).as("disabling twice changes nothing").isEqualTo(off);
        }
        assertThat(shipped.resolve("a.jar")).as("nothing is deleted").exists();
        assertThat(Files.readString(dir.resolve("user").resolve(DisabledPlugins.FILE))).contains("alpha\n");
        try (PluginHost host = PluginHost.load(where)) {
            assertThat(status(host, "a.jar").state()).isEqualTo(State.DISABLED);
            assertThat(host.exercise("alpha-ex")).isEmpty();
            assertThat(host.plugins()).extracting(PluginStatus::pluginId).containsExactly("alpha", "beta");
            PluginStatus on = host.enable("alpha");
            assertThat(on.state()).isEqualTo(State.LOADED);
            assertThat(host.exercise("alpha-ex")).isPresent();
            assertThat(host.plugins()).as("the plugin keeps its place in the list")
                    .extracting(PluginStatus::pluginId).containsExactly("alpha", "beta");
        }
        try (PluginHost host = PluginHost.load(where)) {
            assertThat(host.exercise("alpha-ex")).as("enabled stays enabled").isPresent();
        }
    }

    @Test
    void disablingNeedsALoadedPluginAndAUserFolder() throws IOException {
        good("a.jar", "alpha", "alpha-ex");
        Files.write(dir.resolve("broken.jar"), new byte[]{'P', 'K', 3, 4});
        try (PluginHost host = PluginHost.load(shippedDir())) {
            assertThatThrownBy(() -> host.disable("nobody")).isInstanceOf(IOException.class)
                    .hasMessageContaining("no plugin has the id 'nobody'");
            assertThatThrownBy(() -> host.enable("alpha")).isInstanceOf(IOException.class)
                    .hasMessageContaining("no disabled plugin has the id 'alpha'");
            assertThatThrownBy(() -> host.disable("alpha")).as("no user folder to keep the list in")
                    .isInstanceOf(IOException.class).hasMessageContaining("no user plugin folder");
            assertThat(host.exercise("alpha-ex")).as("a failed disable changes nothing").isPresent();
        }
    }

    @Test
    void installingAPluginWhoseIdWasDisabledTurnsItOn() throws IOException {
        Path jar = TestPlugins.jar(Files.createDirectories(dir.resolve("downloads")).resolve("g.jar"), "p.gamma",
                TestPlugins.exercise("p.gamma", "gamma-ex", ""), TestPlugins.manifest("gamma"));
        Path user = Files.createDirectories(dir.resolve("user"));
        Files.writeString(user.resolve(DisabledPlugins.FILE), "# turned off\ngamma # for today\n");
        try (PluginHost host = PluginHost.load(new PluginLocations(List.of(), List.of(), user, null))) {
            assertThat(host.isDisabled("gamma")).isTrue();
            assertThat(host.install(jar).state()).isEqualTo(State.LOADED);
            assertThat(host.isDisabled("gamma")).isFalse();
        }
        try (PluginHost host = PluginHost.load(new PluginLocations(List.of(), List.of(), user, null))) {
            assertThat(host.exercise("gamma-ex")).isPresent();
        }
    }

    @Test
    void anUnreadableDisabledListDisablesNothing() throws IOException {
        Path shipped = Files.createDirectories(dir.resolve("shipped"));
        TestPlugins.jar(shipped.resolve("a.jar"), "p.alpha", TestPlugins.exercise("p.alpha", "alpha-ex", ""),
                TestPlugins.manifest("alpha"));
        Path user = Files.createDirectories(dir.resolve("user"));
        Files.createDirectories(user.resolve(DisabledPlugins.FILE)); // a folder where the list should be
        try (PluginHost host = PluginHost.load(new PluginLocations(List.of(), List.of(), user, shipped))) {
            assertThat(host.exercise("alpha-ex")).isPresent();
        }
    }

    private PluginLocations shippedDir() {
        return new PluginLocations(List.of(), List.of(), null, dir);
    }
}
