package pagelab.app.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the PageLab source checkout a folder lies in, so that a command run inside it keeps the student's work out
 * of the source tree (and out of {@code git status}).
 */
public final class SourceCheckout {
    /** The root pom's artifact id (module poms name it as their parent). */
    static final String ROOT_ARTIFACT = "<artifactId>pagelab-parent</artifactId>";

    private SourceCheckout() {
    }

    /**
     * The root of the PageLab checkout that holds {@code dir} ({@code dir} itself or a parent): the first folder up
     * the tree with {@code plugins/}, {@code exercises/} and a {@code pom.xml} that names PageLab's parent pom.
     * Empty outside a checkout; never throws.
     */
    public static Optional<Path> enclosing(Path dir) {
        for (Path d = dir.toAbsolutePath().normalize(); d != null; d = d.getParent()) {
            if (isRoot(d)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static boolean isRoot(Path d) {
        Path pom = d.resolve("pom.xml");
        if (!Files.isRegularFile(pom) || !Files.isDirectory(d.resolve("plugins"))
                || !Files.isDirectory(d.resolve("exercises"))) {
            return false;
        }
        try {
            return Files.readString(pom).contains(ROOT_ARTIFACT);
        } catch (IOException | RuntimeException e) {
            return false; // unreadable or not text: not a checkout PageLab can recognise
        }
    }
}
