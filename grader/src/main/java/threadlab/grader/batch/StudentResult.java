package threadlab.grader.batch;

import java.util.Map;

/**
 * One row of the gradebook: how one student's submission was graded. Kept as {@code batch.json} in the student's
 * folder; the gradebook is rebuilt from these files, so it is the same whether the batch ran at once or in pieces.
 *
 * @param id          the student id
 * @param name        the name from the roster, or empty
 * @param contentHash the fingerprint of what was graded ({@code sha256:...} or {@code git:<commit>})
 * @param status      {@code graded}, {@code error} (the reason says why) or {@code timeout}
 * @param reason      what went wrong, for {@code error} and {@code timeout}; empty otherwise
 * @param score       total points
 * @param maxScore    total possible points
 * @param exercises   points per exercise
 * @param seed        the seed of the grading: {@code ./grade --seed} with it reproduces the student's run
 * @param integrity   for the instructor: exercises rejected by the bytecode allowlist and checks whose results were
 *                    tampered with, e.g. {@code rejected: counterlock}; empty when there was nothing of the kind
 * @param exerciseStatuses how each exercise was graded: {@code graded}, {@code not-started}, {@code missing},
 *                    {@code compile-error} or {@code rejected}, so that an untouched stub and a submission that does not
 *                    compile do not look alike in the gradebook
 */
public record StudentResult(String id, String name, String contentHash, String status, String reason, double score,
                            double maxScore, Map<String, Double> exercises, long seed, String integrity,
                            Map<String, String> exerciseStatuses) {

    public StudentResult {
        integrity = integrity == null ? "" : integrity;
        exerciseStatuses = exerciseStatuses == null ? Map.of() : exerciseStatuses; // rows kept before it existed
    }

    public static final String GRADED = "graded";
    public static final String ERROR = "error";
    public static final String TIMEOUT = "timeout";

    /** A row for a submission that could not be graded at all. */
    static StudentResult failed(String id, String name, String contentHash, String status, String reason, long seed) {
        return new StudentResult(id, name, contentHash, status, reason, 0, 0, Map.of(), seed, "", Map.of());
    }

    StudentResult withName(String newName) {
        return new StudentResult(id, newName, contentHash, status, reason, score, maxScore, exercises, seed, integrity,
                exerciseStatuses);
    }
}
