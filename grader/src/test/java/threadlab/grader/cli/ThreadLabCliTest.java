package threadlab.grader.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.ZipOutputStream;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.BuiltIn;
import threadlab.grader.Grading;
import threadlab.grader.ProjectLayout;
import threadlab.grader.api.Category;
import threadlab.grader.exercise.Exercise;
import threadlab.grader.report.BenchmarkReport;
import threadlab.grader.report.GradeReport;
import threadlab.grader.sandbox.Sandboxes;

@DisplayName("The command line")
class ThreadLabCliTest {

    /** What one run printed, and its exit code. */
    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ThreadLabCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void rejectsAnUnknownOptionInOneLineThatPointsAtTheHelp() {
        Run run = run("grade", "--frobnicate");
        assertThat(run.exitCode()).isEqualTo(ThreadLabCli.USAGE);
        assertThat(run.err().lines()).containsExactly("grade: Unknown option: '--frobnicate'",
                "Run './grade grade --help' for the options.");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void rejectsAnUnknownReportFormatInOneLineNamingTheFormats() {
        Run run = run("batch", "--format", "pdf");
        assertThat(run.exitCode()).isEqualTo(ThreadLabCli.USAGE);
        assertThat(run.err().lines()).hasSize(2).last().isEqualTo("Run './grade batch --help' for the options.");
        Run format = run("grade", "--format", "pdf");
        assertThat(format.err().lines()).hasSize(2);
        assertThat(format.err()).contains("'pdf'").contains("TEXT, JSON, GRADESCOPE, JUNIT, HTML, MARKDOWN");
    }

    @Test
    void acceptsReportFormatsInAnyCase() {
        Run run = run("grade", "--format", "HTML,Text", "--exercise", "bankers");
        assertThat(run.err()).contains("unknown exercise 'bankers'").doesNotContain("--format");
    }

    @Test
    void printsNothingBeforeTheArgumentsAreChecked(@TempDir Path out) {
        for (String[] wrong : List.of(new String[] {"--exercise", "bankers"}, new String[] {"--sandbox", "vm"},
                new String[] {"--submission", "/no/such/folder"}, new String[] {"--fail-under", "150"})) {
            List<String> args = new ArrayList<>(List.of("grade", "--out", out.toString()));
            args.addAll(List.of(wrong));
            Run run = run(args.toArray(String[]::new));
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(ThreadLabCli.USAGE);
            assertThat(run.err().lines()).as(run.err()).hasSize(2).first().asString().startsWith("grade: ");
        }
    }

    @Test
    void rejectsAnEmptyArchiveAsAUsageError(@TempDir Path dir) throws Exception {
        Path empty = dir.resolve("empty.zip");
        new ZipOutputStream(Files.newOutputStream(empty)).close();
        Run run = run("grade", "--submission", empty.toString(), "--quick", "--out", dir.resolve("out").toString());
        assertThat(run.exitCode()).isEqualTo(ThreadLabCli.USAGE);
        assertThat(run.err()).contains("is an empty zip archive").doesNotContain("\tat ").doesNotContain("internal error");
    }

    @Test
    void watchGradesQuicklyAndPrintsAShortSummary(@TempDir Path out) {
        Run run = run("grade", "--watch", "--watch-rounds", "1", "--exercise", "philosophers", "--submission",
                ProjectLayout.root().resolve("exercises").toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains(", quick)");
        assertThat(run.out()).containsPattern("\\[\\d\\d:\\d\\d:\\d\\d] 0/\\d+ points \\(0%\\)")
                .containsPattern("philosophers +0/\\d+ +not started").doesNotContain("Total:");
    }

    @Test
    void watchNeedsAFolder(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("submission.zip");
        Files.writeString(zip, "not really a zip");
        Run run = run("grade", "--watch", "--submission", zip.toString(), "--out", dir.toString());
        assertThat(run.exitCode()).isEqualTo(ThreadLabCli.USAGE);
        assertThat(run.err()).contains("--watch needs a folder");
    }

    @Test
    void theTopLevelHelpSaysWhatEachCommandDoesInAWholeSentence() {
        Run run = run("--help");
        assertThat(run.exitCode()).isZero();
        // An entry of the command list may wrap: its lines up to the next command's, joined.
        String commands = run.out().substring(run.out().indexOf("Commands:")).replaceAll("\\n {4,}", " ");
        for (String command : List.of("grade", "list", "batch", "merge")) {
            assertThat(commands.lines().filter(l -> l.startsWith("  " + command + " ")).findFirst())
                    .as(command).hasValueSatisfying(l -> assertThat(l.strip()).endsWith("."));
        }
        assertThat(commands).contains("Grades a class: every submission in a folder, into a gradebook.");
    }

    @Test
    void rejectsAnUnknownExerciseNamingTheRealOnes() {
        Run run = run("grade", "--exercise", "bankers", "--submission", ".");
        assertThat(run.exitCode()).isEqualTo(ThreadLabCli.USAGE);
        assertThat(run.err()).contains("unknown exercise 'bankers'").contains("counterlock, threadsafeset");
    }

    @Test
    void rejectsAMissingSubmission(@TempDir Path out) {
        Run run = run("grade", "--submission", "/no/such/folder", "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(ThreadLabCli.USAGE);
        assertThat(run.err()).contains("no such file or folder: /no/such/folder").doesNotContain("\tat ");
    }

    @Test
    void rejectsAnInvalidRubricNamingTheLine(@TempDir Path dir) throws Exception {
        Path rubric = Files.writeString(dir.resolve("rubric.yaml"), "checks:\n  boundedbuffer.fifo-order:\n    points: lots\n");
        Run run = run("list", "--rubric", rubric.toString());
        assertThat(run.exitCode()).isEqualTo(ThreadLabCli.USAGE);
        assertThat(run.err()).contains("rubric.yaml, line 3").contains("checks.boundedbuffer.fifo-order.points");
    }

    @Test
    void printsItsVersion() {
        Run run = run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("ThreadLab grader");
    }

    @Test
    void listsExercisesChecksCategoriesAndPoints(@TempDir Path dir) throws Exception {
        Path rubric = Files.writeString(dir.resolve("rubric.json"),
                "{\"checks\": {\"boundedbuffer.fifo-order\": {\"points\": 7, \"hidden\": true}, \"boundedbuffer.policy\": {\"drop\": true}}}");
        Run run = run("list", "--exercise", "boundedbuffer", "--rubric", rubric.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("boundedbuffer (").contains("boundedbuffer.conservation")
                .containsPattern("boundedbuffer.fifo-order\\s+correctness\\s+7 .*\\(hidden\\)")
                .doesNotContain("boundedbuffer.policy");
    }

    @Test
    void rejectsAnUnknownSandboxNamingTheRealOnes() {
        Run run = run("grade", "--sandbox", "vm", "--submission", ".");
        assertThat(run.exitCode()).isEqualTo(ThreadLabCli.USAGE);
        assertThat(run.err()).contains("unknown --sandbox 'vm'").contains("auto, docker, local");
    }

    @Test
    void theInternalContainerSandboxIsNotAnOption() {
        Run run = run("grade", "--sandbox", "container", "--submission", ".");
        assertThat(run.exitCode()).isEqualTo(ThreadLabCli.USAGE);
        assertThat(run.err()).contains("unknown --sandbox 'container'").contains("auto, docker, local")
                .doesNotContain("auto, docker, local, container");
    }

    /** One grading of the reference process map's benchmark (its performance checks only), read by several tests. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class BenchmarkingTheSolutions {

        Path out;
        Run run;

        @BeforeAll
        void grade() throws Exception {
            out = Files.createTempDirectory("threadlab-cli-benchmark");
            Path rubric = out.resolve("performance-only.yaml");
            Files.writeString(rubric, "checks:\n" + Grading.CATALOG.of(BuiltIn.PROCESSMAP).stream()
                    .filter(c -> c.category() != Category.PERFORMANCE)
                    .map(c -> "  " + c.id() + ": { drop: true }\n").collect(Collectors.joining()));
            run = run("grade", "--submission", ProjectLayout.root().resolve("solutions").toString(), "--exercise", "processmap",
                    "--rubric", rubric.toString(), "--sandbox", Grading.DOCKER_REQUIRED ? "docker" : "auto",
                    "--format", "text,json,junit,html,gradescope", "--out", out.toString());
        }

        @Test
        void scoresThePerformanceChecksAndShowsTheTableInText() {
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).contains("Total: 6/6").contains("== processmap: benchmark")
                    .contains("speed-up").contains("ProcessMap, cold start");
            if (!Sandboxes.dockerAvailable()) {
                assertThat(run.out()).contains(BenchmarkReport.ADVISORY);
            }
        }

        @Test
        void keepsTheBenchmarkInJsonByTheSchema() throws Exception {
            JsonNode result = new ObjectMapper().readTree(out.resolve("result.json").toFile());
            try (InputStream schemaText = GradeReport.class.getResourceAsStream("result.schema.json")) {
                JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaText);
                assertThat(schema.validate(result)).isEmpty();
            }
            JsonNode benchmark = result.get("exercises").get(0).get("benchmark");
            assertThat(benchmark.get("rows")).isNotEmpty();
            assertThat(benchmark.get("isolated").asBoolean()).isEqualTo(Sandboxes.dockerAvailable());
        }

        @Test
        void drawsTheSpeedupChartInHtmlAndPutsTheTableInJunitAndGradescope() throws Exception {
            assertThat(Files.readString(out.resolve("report.html"))).contains("<img src=\"data:image/png;base64,iVBOR")
                    .contains("How to read it").contains("<h3>Benchmark</h3>");
            assertThat(Files.readString(out.resolve("junit/TEST-threadlab.processmap.xml"))).contains("<system-out>")
                    .contains("cpu-bound");
            assertThat(new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("output").asText())
                    .contains("Benchmark of processmap");
        }
    }

    /** One grading run of the stubs, read by several tests. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class GradingTheStubs {

        Path out;
        Run run;

        @BeforeAll
        void grade() throws Exception {
            out = Files.createTempDirectory("threadlab-cli-test");
            run = run("grade", "--submission", ProjectLayout.root().resolve("exercises").toString(), "--exercise", "philosophers",
                    "--quick", "--seed", "7", "--format", "text,json,gradescope,junit,html", "--out", out.toString(),
                    "--fail-under", "50");
        }

        @Test
        void exitsWith1BelowFailUnderAndSaysSo() {
            assertThat(run.exitCode()).isEqualTo(ThreadLabCli.BELOW_THRESHOLD);
            assertThat(run.err()).contains("below --fail-under 50.0%");
            assertThat(run.out()).contains("Total: 0/").contains("Not implemented yet").contains("--seed 7");
        }

        @Test
        void writesJsonThatFollowsTheDocumentedSchema() throws Exception {
            ObjectMapper json = new ObjectMapper();
            JsonNode result = json.readTree(out.resolve("result.json").toFile());
            try (InputStream schemaText = GradeReport.class.getResourceAsStream("result.schema.json")) {
                JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaText);
                assertThat(schema.validate(result)).isEmpty();
            }
            assertThat(result.get("seed").asLong()).isEqualTo(7);
            assertThat(result.get("exercises").get(0).get("checks").get(0).get("id").asText()).startsWith("philosophers.");
        }

        @Test
        void writesGradescopeResults() throws Exception {
            JsonNode results = new ObjectMapper().readTree(out.resolve("results.json").toFile());
            assertThat(results.get("score").asDouble()).isZero();
            assertThat(results.get("tests")).isNotEmpty().allSatisfy(test -> {
                assertThat(test.has("name") && test.has("score") && test.has("max_score") && test.has("output")).isTrue();
                assertThat(test.get("status").asText()).isIn("passed", "failed");
                assertThat(test.get("visibility").asText()).isEqualTo("visible");
                assertThat(test.get("tags")).isNotEmpty();
            });
        }

        @Test
        void writesJunitXmlAndASelfContainedHtmlPage() throws Exception {
            String xml = Files.readString(out.resolve("junit/TEST-threadlab.philosophers.xml"));
            assertThat(xml).contains("<testsuite name=\"threadlab.philosophers\"").contains("<failure");
            String html = Files.readString(out.resolve("report.html"));
            assertThat(html).contains("<h2>philosophers").contains("Not implemented yet").doesNotContain("<script src")
                    .doesNotContain("<link ");
        }
    }
}
