package io.eddy.runtime.scheduler.restart;

/** Never restarts. */
final class NoRestartBackoffTimeStrategy implements RestartBackoffTimeStrategy {
  @Override
  public void notifyFailure(Throwable cause, long nowMillis) {}

  @Override
  public boolean canRestart() {
    return false;
  }

  @Override
  public long getBackoffTimeMillis() {
    return 0;
  }

  @Override
  public String toString() {
    return "NoRestartBackoffTimeStrategy";
  }
}
