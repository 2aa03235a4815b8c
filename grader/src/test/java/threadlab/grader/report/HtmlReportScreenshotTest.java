package threadlab.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import threadlab.grader.rubric.Visibility;
import threadlab.grader.verdict.CheckStatus;
import threadlab.grader.verdict.Reason;

/**
 * {@code report.html} as a browser draws it: a headless Chromium takes a screenshot, and the page must show its
 * colours (the green score bars, the red of a failed check) on a white page. Chromium is Debian's
 * {@code chromium-headless-shell}, installed by {@code .ci/run} and required there ({@code -Dthreadlab.chromium=required});
 * elsewhere the test is skipped when no Chromium is found.
 */
@Timeout(120)
class HtmlReportScreenshotTest {

    private static final boolean REQUIRED = "required".equals(System.getProperty("threadlab.chromium"));
    private static final int GREEN = 0x2a9d5c;
    private static final int RED = 0xb3261e;

    @TempDir
    Path out;

    @Test
    void aBrowserDrawsTheReportWithItsScoreBarsAndTheFailedCheckInRed() throws Exception {
        Path browser = chromium().orElseGet(() -> {
            if (REQUIRED) {
                throw new AssertionError("no headless Chromium, and -Dthreadlab.chromium=required");
            }
            Assumptions.abort("no headless Chromium on this machine (apt-get install chromium-headless-shell)");
            return null;
        });
        Path html = ReportFormat.HTML.write(report(), out);
        Path png = out.resolve("report.png");
        Process process = new ProcessBuilder(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--window-size=1000,1400", "--screenshot=" + png, html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(out.resolve("chromium.log").toFile()).start();
        try {
            assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        assertThat(png).as(Files.readString(out.resolve("chromium.log"), StandardCharsets.UTF_8)).exists();
        BufferedImage shot = ImageIO.read(png.toFile());
        assertThat(shot.getWidth()).isEqualTo(1000);
        assertThat(share(shot, 0xffffff, 0)).as("a white page").isGreaterThan(0.5);
        assertThat(share(shot, GREEN, 24)).as("the green score bars").isGreaterThan(0);
        assertThat(share(shot, RED, 48)).as("the red of the failed check's status").isGreaterThan(0);
    }

    /** The share of pixels within {@code tolerance} (per channel) of {@code rgb}. */
    private static double share(BufferedImage image, int rgb, int tolerance) {
        long near = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y);
                boolean close = true;
                for (int shift = 0; shift <= 16; shift += 8) {
                    close &= Math.abs(((pixel >> shift) & 0xff) - ((rgb >> shift) & 0xff)) <= tolerance;
                }
                near += close ? 1 : 0;
            }
        }
        return (double) near / (image.getWidth() * (long) image.getHeight());
    }

    private static Optional<Path> chromium() {
        for (String name : List.of("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        Path debianShell = Path.of("/usr/lib/chromium/chromium-headless-shell");
        return Files.isExecutable(debianShell) ? Optional.of(debianShell) : Optional.empty();
    }

    private static GradeReport report() {
        CheckReport passed = new CheckReport("boundedbuffer.fifo-order", "correctness", "FIFO order", CheckStatus.PASSED,
                Reason.NONE, 2, 2, null, Visibility.VISIBLE, 1);
        CheckReport failed = new CheckReport("boundedbuffer.conservation", "correctness", "conservation",
                CheckStatus.FAILED, Reason.ASSERTION, 0, 2, "take() returned null", Visibility.VISIBLE, 1);
        ExerciseReport buffer = new ExerciseReport("boundedbuffer", ExerciseReport.GRADED, 2, 4, List.of(failed, passed),
                List.of(), List.of(), null, "", null, List.of());
        return new GradeReport(GradeReport.SCHEMA_VERSION, "student", "test", "2026-12-02T00:00:00Z", 1, true, 2, 4,
                List.of(buffer), 1000, List.of());
    }
}
