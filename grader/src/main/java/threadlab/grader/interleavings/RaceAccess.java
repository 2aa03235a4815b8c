package threadlab.grader.interleavings;

/**
 * One access that vmlens flagged as part of a data race.
 *
 * @param thread    the thread that made the access, e.g. {@code incrementer-1}
 * @param operation {@code Read} or {@code Write}
 * @param field     the field, in internal form: {@code threadlab/counterlock/SharedCounter.value}
 * @param method    the method that made the access, in internal form: {@code threadlab/counterlock/SharedCounter.get}
 */
public record RaceAccess(String thread, String operation, String field, String method) {

    /** The field's owner class in internal form, e.g. {@code threadlab/counterlock/SharedCounter}. */
    public String fieldOwner() {
        return field.substring(0, Math.max(0, field.lastIndexOf('.')));
    }

    public String fieldName() {
        return field.substring(field.lastIndexOf('.') + 1);
    }

    public String methodOwner() {
        return method.substring(0, Math.max(0, method.lastIndexOf('.')));
    }

    public String methodName() {
        return method.substring(method.lastIndexOf('.') + 1);
    }

    /** How a student reads it: {@code SharedCounter.get() reads SharedCounter.value in thread incrementer-1}. */
    public String describe() {
        return simple(method) + "() " + ("Write".equalsIgnoreCase(operation) ? "writes " : "reads ") + simple(field)
                + " in thread " + thread;
    }

    private static String simple(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }
}
