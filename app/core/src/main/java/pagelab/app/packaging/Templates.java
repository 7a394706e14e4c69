package pagelab.app.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The scripts PageLab writes for graders, kept as resources with {@code @NAME@} placeholders. */
final class Templates {
    private Templates() {
    }

    /**
     * The template {@code name} with every {@code @KEY@} of {@code values} replaced.
     *
     * @throws IllegalStateException if the template is missing or a placeholder is left (a bug in PageLab)
     */
    static String text(String name, Map<String, String> values) {
        String text;
        try (InputStream in = Templates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Templates.text: no template " + name);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("@" + v.getKey() + "@", v.getValue());
        }
        if (text.matches("(?s).*@[A-Z_]+@.*")) {
            throw new IllegalStateException("Templates.text: a placeholder is left in " + name);
        }
        return text;
    }
}
