package threadlab.grader.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import threadlab.grader.verdict.CheckStatus;

/**
 * JUnit XML, one {@code TEST-threadlab.<exercise>.xml} per exercise, for the test reporters of CI
 * systems. Each check is a test case; lost points are failures, errors, or skips.
 */
final class JunitXmlReport implements ReportFormat.ReportWriter {

    @Override
    public Path write(GradeReport report, Path outDir) throws IOException {
        Path dir = Files.createDirectories(outDir.resolve("junit"));
        for (ExerciseReport exercise : report.exercises()) {
            try (OutputStream out = Files.newOutputStream(dir.resolve("TEST-threadlab." + exercise.id() + ".xml"))) {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
                writeSuite(exercise, xml);
                xml.close();
            } catch (XMLStreamException e) {
                throw new IOException("could not write the JUnit XML of " + exercise.id(), e);
            }
        }
        return dir;
    }

    private static void writeSuite(ExerciseReport exercise, XMLStreamWriter xml) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", "threadlab." + exercise.id());
        xml.writeAttribute("tests", Integer.toString(exercise.checks().size()));
        xml.writeAttribute("failures", count(exercise, "failure"));
        xml.writeAttribute("errors", count(exercise, "error"));
        xml.writeAttribute("skipped", count(exercise, "skipped"));
        xml.writeAttribute("time", seconds(exercise.checks().stream().mapToLong(CheckReport::durationMs).sum()));
        for (CheckReport check : exercise.checks()) {
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", "threadlab." + exercise.id());
            xml.writeAttribute("name", check.id() + " [" + Points.of(check.score(), check.maxScore()) + "] " + check.title());
            xml.writeAttribute("time", seconds(check.durationMs()));
            String element = element(check.status());
            if (element != null) {
                xml.writeStartElement(element);
                String message = check.hidden() ? "hidden check" : String.valueOf(check.message());
                xml.writeAttribute("message", message.lines().findFirst().orElse(""));
                xml.writeAttribute("type", check.status().id() + "/" + check.reason().id());
                xml.writeCharacters(message + "\n\n" + check.status().id() + ": " + StatusLegend.meaning(check.status()));
                xml.writeEndElement();
            } else if (check.status() == CheckStatus.INCONCLUSIVE) {
                // Counted as passed, as its points are; said in the test's output so that nobody takes it for a pass.
                xml.writeStartElement("system-out");
                xml.writeCharacters(check.status().id() + ": " + StatusLegend.meaning(check.status()) + "\n"
                        + (check.hidden() ? "hidden check" : String.valueOf(check.message())));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        }
        if (exercise.benchmark() != null) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(String.join("\n", BenchmarkTable.lines(exercise.benchmark())) + "\n");
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndDocument();
    }

    /** The JUnit element a check's status becomes, or null for a check whose points were awarded. */
    private static String element(CheckStatus status) {
        switch (status) {
            case PASSED:
            case INCONCLUSIVE:
                return null;
            case FAILED:
            case PARTIAL:
            case REJECTED:
                return "failure";
            case SKIPPED:
                return "skipped";
            case ERROR:
            case TIMEOUT:
                return "error";
            default:
                throw new IllegalArgumentException("unknown status " + status);
        }
    }

    private static String count(ExerciseReport exercise, String element) {
        return Long.toString(exercise.checks().stream().filter(c -> element.equals(element(c.status()))).count());
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }
}
