package pagelab.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import pagelab.exercise.KnownWrongSolution;
import pagelab.exercise.MarkedSource;
import pagelab.exercise.ResourceExercise;

/**
 * Proves, while an exercise still ships the copies of its starter and known-wrong solutions next to its marked
 * reference, that what is generated from the reference is what students and verification saw: the starter byte for
 * byte; each known-wrong solution but for its class comment (now its declared mistake), the documentation tags the
 * copies carried, and blank lines a copy lost with such a tag.
 */
public final class LegacyCopies {
    private static final Pattern DOC_TAG = Pattern.compile("\\s*//\\s*(tag|end)::[\\w-]+\\[]\\s*");

    private LegacyCopies() {
    }

    /** One line per difference; empty when every copy is matched (or there are none). */
    public static List<String> differences(ResourceExercise exercise) {
        List<String> out = new ArrayList<>();
        for (MarkedSource source : exercise.markedSources()) {
            String path = source.name();
            String folder = path.substring(0, path.indexOf("/reference/"));
            String file = path.substring(path.lastIndexOf('/') + 1);
            String starter = read(exercise, folder + "/starter/" + file);
            if (starter != null && !starter.equals(exercise.starter().text(file))) {
                out.add("starter " + file + " differs from its copy");
            }
            for (KnownWrongSolution w : exercise.knownWrong()) {
                String copy = read(exercise, folder + "/wrong/" + w.name() + "/" + file);
                if (copy != null && !sameButBlankLines(comparable(copy), comparable(w.sources().text(file)))) {
                    out.add("known-wrong " + w.name() + " " + file + " differs from its copy");
                }
            }
        }
        return out;
    }

    // Without doc tags, and with the class comment (the lines from "/**" to the type's declaration) as one line.
    private static List<String> comparable(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n", -1)) {
            if (!DOC_TAG.matcher(l).matches()) {
                out.add(l);
            }
        }
        int type = 0;
        while (type < out.size() && !out.get(type).matches("public (final )?(class|interface|record|enum) .*")) {
            type++;
        }
        int start = type;
        while (start > 0 && !out.get(start).startsWith("/**")) {
            start--;
        }
        if (type < out.size() && type > 0) {
            out.subList(start, type).clear();
            out.add(start, "CLASS COMMENT");
        }
        return out;
    }

    // The generated file may have blank lines the copy lacks, nothing else.
    private static boolean sameButBlankLines(List<String> copy, List<String> generated) {
        int i = 0;
        for (String g : generated) {
            if (i < copy.size() && copy.get(i).equals(g)) {
                i++;
            } else if (!g.isBlank()) {
                return false;
            }
        }
        return i == copy.size();
    }

    private static String read(ResourceExercise exercise, String path) {
        try (InputStream in = exercise.getClass().getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
