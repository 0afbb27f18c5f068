package io.eddy.api.windowing.windows;

/** A group of elements that are evaluated together: a time range or the global window. */
public abstract class Window {
  /** The largest timestamp that belongs to the window; its end-of-window timer fires here. */
  public abstract long maxTimestamp();
}
