package threadlab.grader.integrity;

/**
 * One use of an API the exercise does not allow.
 *
 * @param inClass  the student's class, dotted
 * @param inMethod the method it occurs in, or null for the class's declaration (superclass, interfaces)
 * @param line     the source line, or 0 when the class file does not say
 * @param api      what is used, e.g. {@code java.lang.System.exit}
 * @param why      the kind of API, e.g. "reflection"
 */
public record Violation(String inClass, String inMethod, int line, String api, String why) {

    /** One line for the student, e.g. {@code CounterLock.lock (line 12) uses java.lang.System.exit: ...}. */
    @Override
    public String toString() {
        return inClass + (inMethod == null ? "" : "." + inMethod) + (line > 0 ? " (line " + line + ")" : "")
                + " uses " + api + ": " + why + " is not allowed in this exercise";
    }
}
