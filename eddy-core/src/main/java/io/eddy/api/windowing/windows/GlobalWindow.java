package io.eddy.api.windowing.windows;

import io.eddy.api.annotation.Public;

/** The one window that holds every element of a key; it never ends by itself. */
@Public
public final class GlobalWindow extends Window {
  private static final GlobalWindow INSTANCE = new GlobalWindow();

  private GlobalWindow() {}

  public static GlobalWindow get() {
    return INSTANCE;
  }

  @Override
  public long maxTimestamp() {
    return Long.MAX_VALUE;
  }

  @Override
  public String toString() {
    return "GlobalWindow";
  }
}
