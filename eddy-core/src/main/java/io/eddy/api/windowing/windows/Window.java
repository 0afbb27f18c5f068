package io.eddy.api.windowing.windows;

import io.eddy.api.annotation.Public;

/** A group of elements that are evaluated together: a time range or the global window. */
@Public
public abstract class Window {
  /** The largest timestamp that belongs to the window; its end-of-window timer fires here. */
  public abstract long maxTimestamp();
}
