package threadlab.grader.rubric;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import threadlab.grader.catalog.CheckCatalog;

/**
 * Reads a rubric file with a streaming parser, so that every error can name its line.
 *
 * <pre>
 * checks:
 *   boundedbuffer.fifo-order: { points: 5 }
 *   counterlock.policy:       { drop: true }
 *   philosophers.fairness:    { hidden: true }
 *   poolexecutor.io-bound-speedup: { visibility: after_due_date }
 * leaderboard: [poolexecutor.io-bound-speedup, processmap.cpu-bound-speedup]
 * </pre>
 */
final class RubricFileReader {

    /** {@code hidden: true} is short for {@code visibility: hidden}. */
    record Override(String checkId, Optional<Double> points, Optional<Visibility> visibility, boolean drop) {
    }

    record Contents(List<Override> overrides, List<String> leaderboard) {
    }

    private static final Pattern MEASUREMENT = Pattern.compile("([a-z]+)\\.[a-z0-9-]+");

    private RubricFileReader() {
    }

    static Contents read(Path file, CheckCatalog catalog) {
        if (!Files.isRegularFile(file)) {
            throw new RubricException("rubric file not found: " + file);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        JsonFactory factory = name.endsWith(".json") ? new JsonFactory() : new YAMLFactory();
        try (JsonParser parser = factory.createParser(file.toFile())) {
            return new Parse(file, parser, catalog).root();
        } catch (JsonProcessingException e) {
            throw new RubricException(file + ", line " + e.getLocation().getLineNr() + ": not valid "
                    + (factory instanceof YAMLFactory ? "YAML" : "JSON") + " (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new RubricException("cannot read the rubric file " + file + ": " + e.getMessage());
        }
    }

    /** One pass over the tokens. */
    private static final class Parse {
        private final Path file;
        private final JsonParser parser;
        private final CheckCatalog catalog;

        Parse(Path file, JsonParser parser, CheckCatalog catalog) {
            this.file = file;
            this.parser = parser;
            this.catalog = catalog;
        }

        Contents root() throws IOException {
            List<Override> overrides = new ArrayList<>();
            List<String> leaderboard = new ArrayList<>();
            if (parser.nextToken() == null) {
                return new Contents(overrides, leaderboard); // an empty file changes nothing
            }
            expect(JsonToken.START_OBJECT, "the top level", "a mapping with the keys 'checks' and 'leaderboard'");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                if (!key.equals("checks") && !key.equals("leaderboard")) {
                    throw error("unknown top-level field '" + key + "'; the fields are 'checks' and 'leaderboard'");
                }
                parser.nextToken();
                if (key.equals("leaderboard")) {
                    leaderboard.addAll(leaderboard());
                    continue;
                }
                expect(JsonToken.START_OBJECT, "'checks'", "a mapping from check ids to settings");
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    overrides.add(check(parser.currentName()));
                }
            }
            return new Contents(overrides, leaderboard);
        }

        /** Names of benchmark measurements ({@code exercise.measurement}) that go on Gradescope's leaderboard. */
        private List<String> leaderboard() throws IOException {
            String shape = "a list of measurement names such as 'poolexecutor.io-bound-speedup'";
            expect(JsonToken.START_ARRAY, "'leaderboard'", shape);
            List<String> names = new ArrayList<>();
            while (parser.nextToken() == JsonToken.VALUE_STRING) {
                String name = parser.getText();
                Matcher m = MEASUREMENT.matcher(name);
                if (!m.matches() || catalog.all().stream().noneMatch(c -> c.exercise().id().equals(m.group(1)))) {
                    throw error("leaderboard: '" + name + "' is not a measurement of an exercise (the README's "
                            + "'Gradescope' section lists them)");
                }
                names.add(name);
            }
            expect(JsonToken.END_ARRAY, "'leaderboard'", shape);
            return names;
        }

        private Override check(String id) throws IOException {
            if (catalog.byId(id).isEmpty()) {
                throw error("no check is called '" + id + "' (run './grade list' to see them all)");
            }
            parser.nextToken();
            expect(JsonToken.START_OBJECT, "checks." + id, "a mapping with points, hidden, visibility or drop");
            Optional<Double> points = Optional.empty();
            Optional<Visibility> visibility = Optional.empty();
            boolean drop = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                String where = "checks." + id + "." + field;
                switch (field) {
                    case "points":
                        if (!value.isNumeric() || parser.getDoubleValue() < 0) {
                            throw error(where + " must be a number of points, 0 or more; found '" + parser.getText() + "'");
                        }
                        points = Optional.of(parser.getDoubleValue());
                        break;
                    case "hidden":
                        visibility = Optional.of(bool(value, where) ? Visibility.HIDDEN : Visibility.VISIBLE);
                        break;
                    case "visibility":
                        String text = parser.getText();
                        visibility = Optional.of(Visibility.byId(text).orElseThrow(() -> error(where + " must be one of "
                                + Visibility.choices() + "; found '" + text + "'")));
                        break;
                    case "drop":
                        drop = bool(value, where);
                        break;
                    default:
                        throw error("unknown field '" + where + "'; a check takes points, hidden, visibility or drop");
                }
            }
            return new Override(id, points, visibility, drop);
        }

        private boolean bool(JsonToken value, String where) throws IOException {
            if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
                throw error(where + " must be true or false; found '" + parser.getText() + "'");
            }
            return value == JsonToken.VALUE_TRUE;
        }

        private void expect(JsonToken token, String what, String shape) throws IOException {
            if (parser.currentToken() != token) {
                throw error(what + " must be " + shape + "; found '" + parser.getText() + "'");
            }
        }

        private RubricException error(String message) {
            return new RubricException(file + ", line " + parser.currentLocation().getLineNr() + ": " + message);
        }
    }
}
