package threadlab.grader.harness;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import threadlab.grader.checks.support.GradingSeed;

/**
 * Gives every jqwik property of the checks the grading run's seed, so that {@code --seed N}
 * reproduces the exact random operation sequences. Registered globally through the service loader.
 */
public final class SeedFromGradingRun implements AroundPropertyHook {

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public boolean appliesTo(Optional<AnnotatedElement> element) {
        return true;
    }

    @Override
    public int aroundPropertyProximity() {
        return -100; // outermost: the seed must be set before the property starts generating
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        if (context.attributes().seed().isEmpty()) {
            context.attributes().setSeed(Long.toString(GradingSeed.get()));
        }
        return property.execute();
    }
}
