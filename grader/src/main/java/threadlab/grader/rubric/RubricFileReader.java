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
import threadlab.grader.catalog.CheckCatalog;

/**
 * Reads a rubric file with a streaming parser, so that every error can name its line.
 *
 * <pre>
 * checks:
 *   boundedbuffer.fifo-order: { points: 5 }
 *   counterlock.policy:       { drop: true }
 *   philosophers.fairness:    { hidden: true }
 * </pre>
 */
final class RubricFileReader {

    record Override(String checkId, Optional<Double> points, Optional<Boolean> hidden, boolean drop) {
    }

    private RubricFileReader() {
    }

    static List<Override> read(Path file, CheckCatalog catalog) {
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

        List<Override> root() throws IOException {
            List<Override> overrides = new ArrayList<>();
            if (parser.nextToken() == null) {
                return overrides; // an empty file changes nothing
            }
            expect(JsonToken.START_OBJECT, "the top level", "a mapping with the key 'checks'");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                if (!key.equals("checks")) {
                    throw error("unknown top-level field '" + key + "'; the only one is 'checks'");
                }
                parser.nextToken();
                expect(JsonToken.START_OBJECT, "'checks'", "a mapping from check ids to settings");
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    overrides.add(check(parser.currentName()));
                }
            }
            return overrides;
        }

        private Override check(String id) throws IOException {
            if (catalog.byId(id).isEmpty()) {
                throw error("no check is called '" + id + "' (run './grade list' to see them all)");
            }
            parser.nextToken();
            expect(JsonToken.START_OBJECT, "checks." + id, "a mapping with points, hidden or drop");
            Optional<Double> points = Optional.empty();
            Optional<Boolean> hidden = Optional.empty();
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
                        hidden = Optional.of(bool(value, where));
                        break;
                    case "drop":
                        drop = bool(value, where);
                        break;
                    default:
                        throw error("unknown field '" + where + "'; a check takes points, hidden or drop");
                }
            }
            return new Override(id, points, hidden, drop);
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
