package threadlab.grader.batch;

import java.nio.file.Path;

/**
 * One student's submission in a batch folder.
 *
 * @param id     the student id: the folder's or file's name without its extension
 * @param source the folder, {@code .zip}, git repository (a clone) or git bundle ({@code .bundle})
 * @param kind   how to read it
 */
public record StudentSubmission(String id, Path source, Kind kind) {

    /** The forms a submission may take. */
    public enum Kind { FOLDER, ZIP, GIT_CLONE, GIT_BUNDLE }
}
