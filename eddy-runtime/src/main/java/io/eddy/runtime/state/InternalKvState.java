package io.eddy.runtime.state;

/**
 * The runtime's view of a keyed state: besides the current key (set on the backend) a state has a
 * current namespace, so one state object holds a value per (key, namespace). Window operators use
 * the window as the namespace; the state users get through the runtime context has none (null).
 * Task thread only.
 */
public interface InternalKvState {
  /** Scopes the next accesses of this state to {@code namespace} (null: no namespace). */
  void setCurrentNamespace(Object namespace);

  Object getCurrentNamespace();

  /**
   * Whether the current key has an entry in the current namespace (expired ones included); reads
   * nothing of the value.
   */
  boolean hasEntry();

  /** Calls {@code action} with the key and namespace of every entry that has a namespace. */
  void forEachNamespacedEntry(java.util.function.BiConsumer<Object, Object> action);
}
