package pagelab.app.desktop;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Robot tests that load the real exercise plugins from this checkout (the development tree at {@link #ROOT}). */
abstract class DevelopmentTreeGuiTest extends GuiTestSupport {
    /** The checkout's root, seen from this module's folder. */
    protected static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @BeforeAll
    static void useDevelopmentTree() {
        System.setProperty("pagelab.dev.root", ROOT.toString());
    }

    @AfterAll
    static void forgetDevelopmentTree() {
        System.clearProperty("pagelab.dev.root");
    }
}
