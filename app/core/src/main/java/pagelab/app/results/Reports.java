package pagelab.app.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;
import pagelab.app.grading.GradingResult;

/** Writes a {@link GradingResult} in any {@link ReportFormat}. */
public final class Reports {
    private Reports() {
    }

    /** A JSON mapper with PageLab's settings: indented, unknown fields ignored when reading. */
    public static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** Writes {@code result} to {@code out} (which is not closed). */
    public static void write(GradingResult result, ReportFormat format, Writer out) throws IOException {
        write(result, null, format, out);
    }

    /**
     * Writes {@code result} to {@code out} (which is not closed), saying which encoding each source file was read
     * in: the text report names the files that were not UTF-8, the JSON report has {@code sourceEncodings}.
     *
     * @param encodings per source file name, its encoding (see {@code Submissions.Submission}); null when the sources
     *                  did not come from files (the shipped reference)
     */
    public static void write(GradingResult result, Map<String, String> encodings, ReportFormat format, Writer out)
            throws IOException {
        write(result, encodings, format, ReportText.ENGLISH, out);
    }

    /**
     * As {@link #write(GradingResult, Map, ReportFormat, Writer)}, with the words of the text and Gradescope reports
     * in {@code text}'s language (JSON and JUnit XML, for programs, keep their English field values).
     */
    public static void write(GradingResult result, Map<String, String> encodings, ReportFormat format,
                             ReportText text, Writer out) throws IOException {
        switch (format) {
            case TEXT -> TextReport.write(result, encodings, text, out);
            case JSON -> {
                ObjectNode tree = json().valueToTree(result);
                if (encodings != null) {
                    tree.putPOJO("sourceEncodings", encodings);
                }
                json().writeValue(new NonClosingWriter(out), tree);
                out.write(System.lineSeparator());
            }
            case JUNIT -> JUnitReport.write(result, out);
            case GRADESCOPE -> GradescopeReport.write(result, GradescopeReport.Visibility.VISIBLE, text, out);
        }
        out.flush();
    }

    /** Jackson closes the writers it is given; the caller owns this one. */
    private static final class NonClosingWriter extends FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
