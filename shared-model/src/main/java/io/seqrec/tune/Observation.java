package io.seqrec.tune;

import org.jspecify.annotations.Nullable;

/**
 * An earlier trial as a search algorithm sees it.
 *
 * @param point the trial's coordinates
 * @param loss hyperopt's loss, minus the best validation score; null while the trial runs
 * or when it failed
 */
public record Observation(double[] point, @Nullable Double loss) {

}
