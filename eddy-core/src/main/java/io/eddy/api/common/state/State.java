package io.eddy.api.common.state;

import io.eddy.api.annotation.Public;

/**
 * Base of keyed state. A state object is a handle obtained once (usually in {@code open()}) from
 * the {@code RuntimeContext} of a function on a keyed stream; every call reads or writes the value
 * of the <em>current key</em>, which is the key of the record being processed.
 *
 * <p>Threading: state is accessed only on the task thread that runs the function (from {@code
 * processElement}, {@code map}, {@code flatMap}, timers and the like); it is not thread-safe and
 * must not be handed to other threads.
 *
 * <p>Values are kept as objects on the heap, not serialized: an object passed to {@code update},
 * {@code add} or {@code put} is stored as is and returned by later reads. Do not mutate such an
 * object afterwards unless you write it to the state again; objects returned by reads may be
 * mutated only if you then write them back.
 */
@Public
public interface State {
  /** Removes the current key's value. */
  void clear();
}
