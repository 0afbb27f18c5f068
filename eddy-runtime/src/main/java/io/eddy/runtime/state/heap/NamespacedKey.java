package io.eddy.runtime.state.heap;

/** The map key of a state value that belongs to a namespace (e.g. a window) of a key. */
record NamespacedKey(Object key, Object namespace) {
  @Override
  public int hashCode() {
    return 31 * key.hashCode() + namespace.hashCode();
  }

  /** Whether this is the map key of {@code key} in {@code namespace}. */
  boolean is(Object key, Object namespace) {
    // namespaces are often one shared object (the window operator shares window instances)
    return this.key.equals(key)
        && (this.namespace == namespace || this.namespace.equals(namespace));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NamespacedKey n && n.is(key, namespace);
  }
}
