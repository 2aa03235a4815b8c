package threadlab.grader.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import threadlab.grader.ProjectLayout;

/**
 * The GitHub Actions workflows and Gradescope scripts ThreadLab ships in {@code docs/ci}: valid by the workflow syntax
 * (a schema of the part they use, no workflow linter installs here), on current action versions, and every shell
 * script in them clean by ShellCheck (installed by {@code .ci/run}; required there with
 * {@code -Dthreadlab.shellcheck=required}, else skipped when missing).
 */
@DisplayName("The CI files in docs/ci")
class WorkflowsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The current major version of each action the workflows use. */
    private static final Map<String, Integer> CURRENT = Map.of("actions/checkout", 5, "actions/setup-java", 5,
            "actions/upload-artifact", 4, "actions/download-artifact", 4, "dorny/test-reporter", 2);
    private static final boolean SHELLCHECK_REQUIRED = "required".equals(System.getProperty("threadlab.shellcheck"));

    @TempDir
    Path scratch;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"student-repository.yml", "instructor-batch.yml"})
    void followsTheWorkflowSyntax(String name) throws Exception {
        assertThat(violations(workflow(name))).isEmpty();
    }

    @Test
    void theSchemaCatchesWhatAWorkflowGetsWrong() throws Exception {
        JsonNode broken = YAML.readTree("""
                name: broken
                on: push
                jobs:
                  grade:
                    runs-on: ubuntu-latest
                    steps:
                      - uses: actions/checkout@main
                      - run: ./grade
                        uses: actions/setup-java@v5
                      - rn: ./grade
                """);
        assertThat(violations(broken)).hasSizeGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"student-repository.yml", "instructor-batch.yml"})
    void usesCurrentActionVersions(String name) throws Exception {
        for (JsonNode step : steps(workflow(name))) {
            if (step.has("uses")) {
                String[] action = step.get("uses").asText().split("@v");
                assertThat(CURRENT).as("a known action: " + action[0]).containsKey(action[0]);
                assertThat(Integer.parseInt(action[1])).as(step.get("uses").asText()).isEqualTo(CURRENT.get(action[0]));
            }
        }
    }

    @Test
    void theStudentWorkflowPublishesTheChecksAndTheScoreTableAndFailsOnlyWhereTheCourseSaysSo() throws Exception {
        JsonNode workflow = workflow("student-repository.yml");
        String runs = String.join("\n", steps(workflow).stream().filter(s -> s.has("run")).map(s -> s.get("run").asText()).toList());
        assertThat(runs).contains("--format text,html,json,junit,markdown").contains("$GITHUB_STEP_SUMMARY")
                .doesNotContain("--fail-under 60");
        assertThat(steps(workflow)).anySatisfy(s -> assertThat(s.path("uses").asText()).startsWith("dorny/test-reporter@"));
        assertThat(workflow.get("env").get("THREADLAB_FAIL_UNDER").asText()).isEmpty();
        assertThat(workflow.get("permissions").get("checks").asText()).isEqualTo("write");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"student-repository.yml", "instructor-batch.yml"})
    void everyShellStepIsCleanByShellCheck(String name) throws Exception {
        List<String> findings = new ArrayList<>();
        List<JsonNode> steps = steps(workflow(name));
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).has("run")) {
                // GitHub runs a step with bash -e; its ${{ }} expressions are filled in before the shell sees them.
                String script = "#!/usr/bin/env bash\nset -e\n"
                        + steps.get(i).get("run").asText().replaceAll("\\$\\{\\{[^}]*}}", "expression");
                findings.addAll(shellcheck(Files.writeString(scratch.resolve(name + "-step-" + i + ".sh"), script)));
            }
        }
        assertThat(findings).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gradescope/run_autograder", "gradescope/setup.sh"})
    void theGradescopeScriptsAreCleanByShellCheck(String name) throws Exception {
        assertThat(shellcheck(ProjectLayout.root().resolve("docs/ci").resolve(name))).isEmpty();
    }

    @Test
    void shellCheckFindsAnUnguardedCd() throws Exception {
        Path script = Files.writeString(scratch.resolve("unguarded.sh"), "#!/usr/bin/env bash\ncd $1\n./grade\n");
        assertThat(String.join("\n", shellcheck(script))).contains("SC2164").contains("SC2086");
    }

    private static JsonNode workflow(String name) throws IOException {
        return YAML.readTree(ProjectLayout.root().resolve("docs/ci").resolve(name).toFile());
    }

    private static List<JsonNode> steps(JsonNode workflow) {
        List<JsonNode> steps = new ArrayList<>();
        workflow.get("jobs").forEach(job -> job.get("steps").forEach(steps::add));
        return steps;
    }

    private static Set<ValidationMessage> violations(JsonNode workflow) throws IOException {
        try (InputStream schema = WorkflowsTest.class.getResourceAsStream("github-workflow.schema.json")) {
            JsonSchema syntax = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
            return syntax.validate(workflow);
        }
    }

    /** ShellCheck's findings on {@code script}, one per line; the test is skipped where ShellCheck is missing. */
    private static List<String> shellcheck(Path script) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("shellcheck", "--format=gcc", script.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            if (SHELLCHECK_REQUIRED) {
                throw new AssertionError("ShellCheck is required here (-Dthreadlab.shellcheck=required) but missing", e);
            }
            Assumptions.abort("ShellCheck is not installed (apt-get install shellcheck)");
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output.lines().filter(l -> !l.isBlank()).toList();
    }
}
