package threadlab.processmap;

import java.io.Serializable;
import java.util.function.Function;

/** A function that can be sent to a worker process: a serializable {@link Function}. Complete as given. */
@FunctionalInterface
public interface RemoteFunction<T, R> extends Function<T, R>, Serializable {
}
