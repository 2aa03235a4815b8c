package threadlab.grader.interleavings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads vmlens' HTML report: {@code index.html} lists the scenarios (name, interleavings, result) and links to
 * one page per scenario whose table is the trace of the interleaving shown, with the data-race accesses marked.
 * vmlens 1.2.17 offers no other machine-readable form of the race details.
 */
final class VmlensReportReader {

    private static final Pattern ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td>(.*?)</td>", Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("href=\"([^\"]+)\"");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private VmlensReportReader() {
    }

    static List<ExploredScenario> read(Path reportDir) throws IOException {
        Path index = reportDir.resolve("index.html");
        List<ExploredScenario> scenarios = new ArrayList<>();
        if (!Files.exists(index)) {
            return scenarios;
        }
        for (List<String> cells : rows(Files.readString(index, StandardCharsets.UTF_8))) {
            if (cells.size() < 4) {
                continue;
            }
            Matcher link = LINK.matcher(cells.get(1));
            String page = link.find() ? link.group(1) : null;
            List<RaceAccess> races = page == null ? List.of() : races(reportDir.resolve(page));
            scenarios.add(new ExploredScenario(text(cells.get(1)), parseInt(text(cells.get(2))), text(cells.get(3)),
                    races, page == null ? null : reportDir.resolve(page).toString()));
        }
        return scenarios;
    }

    /** The rows of a scenario page marked "Data Race": thread, operation, field, object, method. */
    private static List<RaceAccess> races(Path page) throws IOException {
        List<RaceAccess> races = new ArrayList<>();
        if (!Files.exists(page)) {
            return races;
        }
        for (List<String> cells : rows(Files.readString(page, StandardCharsets.UTF_8))) {
            if (cells.size() >= 5 && cells.get(1).contains("Data Race")) {
                String operation = text(cells.get(1)).replace("Data Race", "").strip();
                races.add(new RaceAccess(text(cells.get(0)), operation, text(cells.get(2)), text(cells.get(4))));
            }
        }
        return races;
    }

    private static List<List<String>> rows(String html) {
        List<List<String>> rows = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = CELL.matcher(row.group(1));
            while (cell.find()) {
                cells.add(cell.group(1));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String text(String html) {
        return TAG.matcher(html).replaceAll("").replace("&nbsp;", " ").strip();
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
