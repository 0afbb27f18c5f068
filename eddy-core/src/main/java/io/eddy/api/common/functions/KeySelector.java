package io.eddy.api.common.functions;

import io.eddy.api.annotation.Public;

/**
 * Extracts the key of an element. The key must be deterministic and have a stable {@code
 * hashCode()} across JVMs (not an enum's or an array's identity hash).
 */
@FunctionalInterface
@Public
public interface KeySelector<IN, KEY> extends Function {
  KEY getKey(IN value) throws Exception;
}
