package pagelab.app.dist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The release's first class: which Java it lets start PageLab, and what it tells a student on another. */
class LauncherTest {
    @Test
    void readsTheFeatureReleaseOfOldAndNewVersionStrings() {
        assertThat(Launcher.feature("1.8")).isEqualTo(8);
        assertThat(Launcher.feature("11")).isEqualTo(11);
        assertThat(Launcher.feature("17")).isEqualTo(17);
        assertThat(Launcher.feature("25")).isEqualTo(25);
        assertThat(Launcher.feature("")).isZero();
        assertThat(Launcher.feature(null)).isZero();
    }

    @Test
    void aJdk17OrLaterPasses() {
        assertThat(Launcher.problem("17", true)).isNull();
        assertThat(Launcher.problem("21", true)).isNull();
    }

    @Test
    void anOlderJavaIsToldToInstallAJdk17() {
        assertThat(Launcher.problem("11", true)).contains("needs Java 17 or later", "Java 11", "Temurin 17 JDK",
                "openjdk-17-jdk");
        assertThat(Launcher.problem("1.8", false)).contains("needs Java 17 or later", "Java 1.8");
    }

    @Test
    void aRuntimeWithoutTheCompilerIsToldItNeedsAJdk() {
        assertThat(Launcher.problem("17", false)).contains("needs a JDK", "JRE", "javax.tools", "Temurin 17 JDK");
    }

    @Test
    void thisTestsJdkHasTheCompiler() {
        assertThat(Launcher.hasCompiler()).isTrue();
    }
}
