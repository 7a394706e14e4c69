package pagelab.app.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import pagelab.app.grading.GradingResult;

/** Writes a {@link GradingResult} in any {@link ReportFormat}. */
public final class Reports {
    private Reports() {
    }

    /** A JSON mapper with PageLab's settings: indented, unknown fields ignored when reading. */
    public static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** Writes {@code result} to {@code out} (which is not closed). */
    public static void write(GradingResult result, ReportFormat format, Writer out) throws IOException {
        switch (format) {
            case TEXT -> TextReport.write(result, out);
            case JSON -> {
                json().writeValue(new NonClosingWriter(out), result);
                out.write(System.lineSeparator());
            }
            case JUNIT -> JUnitReport.write(result, out);
            case GRADESCOPE -> GradescopeReport.write(result, out);
        }
        out.flush();
    }

    /** Jackson closes the writers it is given; the caller owns this one. */
    private static final class NonClosingWriter extends java.io.FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
