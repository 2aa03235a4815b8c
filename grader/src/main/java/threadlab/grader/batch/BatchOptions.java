package threadlab.grader.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import threadlab.grader.sandbox.SandboxMode;

/**
 * How to grade a batch.
 *
 * @param submissions   the folder with one entry per student
 * @param out           where the gradebook, summary and each student's reports go
 * @param roster        a CSV of {@code id,name}, or null
 * @param exercises     exercise ids to grade (empty: all)
 * @param rubric        a rubric file, or null
 * @param quick         grade without the slow phases
 * @param seed          one seed for every student, or null for a seed derived from each student's id
 * @param revision      for git submissions: a tag, branch or commit to grade instead of the default branch's head
 * @param jobs          submissions graded at once
 * @param shard         which slice of the class: index (1-based) and count
 * @param regrade       grade again even submissions whose results are up to date
 * @param sandbox       docker (one container per submission) or local (explicit, unsandboxed)
 * @param timeLimit     wall-clock limit per submission
 */
public record BatchOptions(Path submissions, Path out, Path roster, List<String> exercises, Path rubric, boolean quick,
                           Long seed, String revision, int jobs, int[] shard, boolean regrade, SandboxMode sandbox,
                           Duration timeLimit, List<Path> packs) {

    public BatchOptions {
        exercises = List.copyOf(exercises);
        packs = List.copyOf(packs);
        shard = shard.clone();
    }
}
