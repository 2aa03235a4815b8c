package threadlab.grader.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** The report formats of {@code grade --format}, each written into the output folder. */
public enum ReportFormat {
    TEXT(new TextReport()),
    JSON(new JsonReport()),
    GRADESCOPE(new GradescopeReport()),
    JUNIT(new JunitXmlReport()),
    HTML(new HtmlReport()),
    MARKDOWN(new MarkdownReport());

    private final ReportWriter writer;

    ReportFormat(ReportWriter writer) {
        this.writer = writer;
    }

    /**
     * Writes {@code report} into {@code outDir} as students may see it ({@link GradeReport#forStudents()}: hidden
     * checks without their details); returns the file written.
     */
    public Path write(GradeReport report, Path outDir) throws IOException {
        return writer.write(report.forStudents(), outDir);
    }

    /** Writes the whole report, hidden details included, as {@code result.json}: for instructors only. */
    public static Path writeForInstructors(GradeReport report, Path outDir) throws IOException {
        return new JsonReport().write(report, outDir);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Writes one format. */
    interface ReportWriter {
        Path write(GradeReport report, Path outDir) throws IOException;
    }
}
