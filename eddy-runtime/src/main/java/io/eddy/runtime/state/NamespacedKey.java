package io.eddy.runtime.state;

/** The map key of a state value that belongs to a namespace (e.g. a window) of a key. */
record NamespacedKey(Object key, Object namespace) {
  @Override
  public int hashCode() {
    return 31 * key.hashCode() + namespace.hashCode();
  }

  @Override
  public boolean equals(Object o) {
    // namespaces are often one shared object (the window operator shares window instances)
    return o instanceof NamespacedKey n
        && n.key.equals(key)
        && (n.namespace == namespace || n.namespace.equals(namespace));
  }
}
