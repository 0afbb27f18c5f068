package io.eddy.api.connector.source.lib;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.common.functions.Function;

/**
 * Produces the record for one index of a {@link DataGeneratorSource}. Called on the task thread of
 * the reader that owns the index; must be serializable like every user function.
 *
 * @param <IN> the index type, {@link Long}
 * @param <OUT> the record type
 */
@FunctionalInterface
@PublicEvolving
public interface GeneratorFunction<IN, OUT> extends Function {
  OUT map(IN index) throws Exception;
}
