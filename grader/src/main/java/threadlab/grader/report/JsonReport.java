package threadlab.grader.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/** {@code result.json}: the report in the documented, stable schema (see {@code result.schema.json}). */
final class JsonReport implements ReportFormat.ReportWriter {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Path write(GradeReport report, Path outDir) throws IOException {
        Path file = outDir.resolve("result.json");
        JSON.writeValue(file.toFile(), report);
        return file;
    }
}
