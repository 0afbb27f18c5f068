package io.eddy.runtime.state;

import java.util.Collection;

/**
 * A keyed state whose values of several namespaces can be merged into one (list, reducing and
 * aggregating state), as merging (session) windows need. Task thread only.
 */
public interface InternalMergingState extends InternalKvState {
  /**
   * Merges the current key's values in {@code sources} into {@code target} and removes them from
   * the sources. Leaves the current namespace as it was.
   */
  void mergeNamespaces(Object target, Collection<?> sources);
}
