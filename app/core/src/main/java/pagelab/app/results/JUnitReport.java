package pagelab.app.results;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import pagelab.app.grading.GradingResult;
import pagelab.exercise.CheckResult;
import pagelab.exercise.CheckStatus;

/**
 * JUnit XML in the Ant/Surefire schema: one {@code testsuite} per exercise, one {@code testcase} per check. A check
 * that is not fully passed is a {@code failure} (partial credit included: CI knows no partial pass); an
 * {@code ERROR} is an {@code error}; a skipped check is {@code skipped}. Points are in {@code properties}.
 */
final class JUnitReport {
    private JUnitReport() {
    }

    static void write(GradingResult r, Writer out) throws IOException {
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            int tests = r.report().results().size();
            long failures = count(r, CheckStatus.FAIL) + count(r, CheckStatus.PARTIAL);
            String time = String.format(Locale.ROOT, "%.3f", r.millis() / 1000.0);
            String suite = "pagelab." + r.exerciseId();
            x.writeStartElement("testsuites");
            attrs(x, "name", "pagelab", "tests", tests, "failures", failures, "errors", count(r, CheckStatus.ERROR),
                    "skipped", count(r, CheckStatus.SKIPPED), "time", time);
            x.writeStartElement("testsuite");
            attrs(x, "name", suite, "tests", tests, "failures", failures, "errors", count(r, CheckStatus.ERROR),
                    "skipped", count(r, CheckStatus.SKIPPED), "time", time);
            properties(x, r);
            for (CheckResult c : r.report().results()) {
                testcase(x, suite, c, r.output().get(c.checkId()));
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
            out.write("\n");
        } catch (XMLStreamException e) {
            throw new IOException("cannot write JUnit XML: " + e.getMessage(), e);
        }
    }

    private static void properties(XMLStreamWriter x, GradingResult r) throws XMLStreamException {
        x.writeStartElement("properties");
        Object[] props = {"points", r.points(), "maxPoints", r.maxPoints(), "seed", r.report().seed(),
            "sourcesSha256", r.sourcesSha256(), "plugin", r.pluginId() + " " + r.pluginVersion()};
        for (int i = 0; i < props.length; i += 2) {
            x.writeEmptyElement("property");
            attrs(x, "name", props[i], "value", props[i + 1]);
        }
        x.writeEndElement();
    }

    private static void testcase(XMLStreamWriter x, String suite, CheckResult c, String printed)
            throws XMLStreamException {
        x.writeStartElement("testcase");
        attrs(x, "classname", suite, "name", c.checkId() + ": " + c.title() + " (" + c.points() + "/"
                + c.maxPoints() + " points)", "time", "0");
        String text = c.message() + (c.hint() == null ? "" : "\nhint: " + c.hint());
        switch (c.status()) {
            case PASS -> { }
            case SKIPPED -> {
                x.writeEmptyElement("skipped");
                attrs(x, "message", c.message());
            }
            case ERROR -> element(x, "error", c.message(), "ERROR", text);
            default -> element(x, "failure", c.message(), c.status().name(), text);
        }
        if (printed != null) {
            x.writeStartElement("system-out");
            x.writeCharacters(Xml.clean(printed));
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    private static void element(XMLStreamWriter x, String name, String message, String type, String text)
            throws XMLStreamException {
        x.writeStartElement(name);
        attrs(x, "message", message, "type", type);
        x.writeCharacters(Xml.clean(text));
        x.writeEndElement();
    }

    private static void attrs(XMLStreamWriter x, Object... pairs) throws XMLStreamException {
        for (int i = 0; i < pairs.length; i += 2) {
            x.writeAttribute((String) pairs[i], Xml.clean(String.valueOf(pairs[i + 1])));
        }
    }

    private static long count(GradingResult r, CheckStatus s) {
        return r.report().results().stream().filter(c -> c.status() == s).count();
    }
}
