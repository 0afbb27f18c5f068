package io.eddy.api.common.state;

import io.eddy.api.annotation.Public;

/**
 * Visits the keyed state of one key (see {@code KeyedBroadcastProcessFunction.Context
 * #applyToKeyedState}).
 */
@FunctionalInterface
@Public
public interface KeyedStateFunction<K, S extends State> {
  void process(K key, S state) throws Exception;
}
