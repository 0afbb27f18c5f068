package io.eddy.runtime.state.ttl;

/**
 * Where state backends get their TTL clock. Keyed state backends created by tasks use {@link
 * #installed()}, which reads the wall clock unless a test has installed another clock with {@link
 * #setOverrideForTesting(TtlTimeProvider)}. The override is JVM-wide, so it reaches the tasks of an
 * embedded cluster; tests that set it must reset it (pass null) when they finish and must not run
 * in parallel with other TTL tests:
 *
 * <pre>{@code
 * ManualTtlTimeProvider clock = new ManualTtlTimeProvider(0);
 * TtlTimeProviders.setOverrideForTesting(clock);
 * try { ... clock.advance(Duration.ofMinutes(5)); ... }
 * finally { TtlTimeProviders.setOverrideForTesting(null); }
 * }</pre>
 */
public final class TtlTimeProviders {
  private static volatile TtlTimeProvider override;

  private static final TtlTimeProvider INSTALLED =
      () -> {
        TtlTimeProvider o = override;
        return o == null ? System.currentTimeMillis() : o.currentTimestamp();
      };

  private TtlTimeProviders() {}

  /** The wall clock, or the test override while one is set (checked on every call). */
  public static TtlTimeProvider installed() {
    return INSTALLED;
  }

  /** Makes {@link #installed()} read {@code provider}; null restores the wall clock. */
  public static void setOverrideForTesting(TtlTimeProvider provider) {
    override = provider;
  }
}
