package io.eddy.api.common.state;

/**
 * Visits the keyed state of one key (see {@code KeyedBroadcastProcessFunction.Context
 * #applyToKeyedState}).
 */
@FunctionalInterface
public interface KeyedStateFunction<K, S extends State> {
  void process(K key, S state) throws Exception;
}
