package threadlab.grader.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An optional CSV of {@code id,name} (a header line {@code id,name} is allowed), mapping student ids to names. */
final class Roster {

    private final Map<String, String> names;

    private Roster(Map<String, String> names) {
        this.names = names;
    }

    static Roster none() {
        return new Roster(Map.of());
    }

    /** @throws IllegalArgumentException with the line that is wrong */
    static Roster read(Path csv) throws IOException {
        Map<String, String> names = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || (i == 0 && line.toLowerCase(java.util.Locale.ROOT).startsWith("id,"))) {
                continue;
            }
            String[] cells = line.split(",", 2);
            String id = cells[0].strip();
            if (id.isEmpty()) {
                throw new IllegalArgumentException(csv.getFileName() + ", line " + (i + 1) + ": no student id");
            }
            if (names.put(id, cells.length > 1 ? cells[1].strip().replaceAll("^\"|\"$", "") : "") != null) {
                throw new IllegalArgumentException(csv.getFileName() + ", line " + (i + 1) + ": the id '" + id + "' is listed twice");
            }
        }
        return new Roster(names);
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    String nameOf(String id) {
        return names.getOrDefault(id, "");
    }

    boolean lists(String id) {
        return names.containsKey(id);
    }

    java.util.Set<String> ids() {
        return names.keySet();
    }
}
