package threadlab.grader.host;

/** Hears what the engine is doing, for a progress display. */
public interface Progress {

    /** {@code exercise} entered a phase, e.g. "compiling" or "running 14 checks". */
    void phase(String exercise, String description);

    /**
     * Within a long phase, {@code engine} started {@code what} for {@code exercise}, e.g. "vmlens" and "explores
     * counterlock.interleaved-increments"; it lasts until the same engine's next step, {@link #engineDone}, or the
     * next phase. Steps of engines that run side by side overlap.
     */
    default void step(String exercise, String engine, String what) {
    }

    /** {@code engine}'s work for {@code exercise} in this phase is over (another engine's may go on): no step lasts. */
    default void engineDone(String exercise, String engine) {
    }

    /**
     * A phase of {@code exercise} that ran beside other exercises' ended before theirs; {@code summary} is e.g.
     * "interleavings explored in 12.3 s". Its steps are over.
     */
    default void phaseEnded(String exercise, String summary) {
    }

    /** {@code exercise} is graded; {@code summary} is e.g. "12/20 points". */
    void finished(String exercise, String summary);

    /** Hears nothing. */
    Progress SILENT = new Progress() {
        @Override
        public void phase(String exercise, String description) {
        }

        @Override
        public void finished(String exercise, String summary) {
        }
    };
}
