package io.eddy.runtime.scheduler.restart;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.restartstrategy.RestartStrategies;
import io.eddy.api.common.restartstrategy.RestartStrategyConfig;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RestartBackoffTimeStrategiesTest {
  private static final RuntimeException FAILURE = new RuntimeException("boom");

  private static RestartBackoffTimeStrategy create(RestartStrategyConfig config) {
    return RestartBackoffTimeStrategies.create(config, new Random(42));
  }

  @Test
  void noRestartNeverRestarts() {
    RestartBackoffTimeStrategy s = create(RestartStrategies.noRestart());
    s.notifyFailure(FAILURE, 0);
    assertThat(s.canRestart()).isFalse();
  }

  @Test
  void fixedDelayAllowsTheConfiguredAttempts() {
    RestartBackoffTimeStrategy s =
        create(RestartStrategies.fixedDelayRestart(2, Duration.ofMillis(300)));
    s.notifyFailure(FAILURE, 0);
    assertThat(s.canRestart()).isTrue();
    assertThat(s.getBackoffTimeMillis()).isEqualTo(300);
    s.notifyFailure(FAILURE, 1_000);
    assertThat(s.canRestart()).isTrue();
    s.notifyFailure(FAILURE, 2_000);
    assertThat(s.canRestart()).isFalse();
  }

  @Test
  void fixedDelayWithZeroAttemptsDoesNotRestart() {
    RestartBackoffTimeStrategy s = create(RestartStrategies.fixedDelayRestart(0, Duration.ZERO));
    s.notifyFailure(FAILURE, 0);
    assertThat(s.canRestart()).isFalse();
  }

  @Test
  void exponentialDelayGrowsUpToTheMaximumAndResetsAfterAQuietPeriod() {
    RestartBackoffTimeStrategy s =
        create(
            RestartStrategies.exponentialDelayRestart(
                Duration.ofMillis(100), Duration.ofMillis(1_000), 3, Duration.ofSeconds(10), 0));
    long now = 0;
    long[] expected = {100, 300, 900, 1_000, 1_000};
    for (long backoff : expected) {
      s.notifyFailure(FAILURE, now);
      assertThat(s.canRestart()).isTrue();
      assertThat(s.getBackoffTimeMillis()).isEqualTo(backoff);
      now += backoff + 50; // fails again 50 ms after the restart
    }
    // the job runs for just under the threshold after its restart: still growing (at the maximum)
    now += 9_900;
    s.notifyFailure(FAILURE, now);
    assertThat(s.getBackoffTimeMillis()).isEqualTo(1_000);
    // then a full threshold without failure after the restart: back to the initial backoff
    now += 1_000 + 10_000;
    s.notifyFailure(FAILURE, now);
    assertThat(s.getBackoffTimeMillis()).isEqualTo(100);
    s.notifyFailure(FAILURE, now + 100);
    assertThat(s.getBackoffTimeMillis()).isEqualTo(300);
  }

  @Test
  void exponentialDelayJitterStaysWithinTheFactorAndIsDeterministicWithASeed() {
    RestartStrategyConfig config =
        RestartStrategies.exponentialDelayRestart(
            Duration.ofMillis(1_000), Duration.ofMillis(1_000), 1, Duration.ofHours(1), 0.2);
    RestartBackoffTimeStrategy a = RestartBackoffTimeStrategies.create(config, new Random(7));
    RestartBackoffTimeStrategy b = RestartBackoffTimeStrategies.create(config, new Random(7));
    boolean varied = false;
    long first = -1;
    for (int i = 0; i < 200; i++) {
      a.notifyFailure(FAILURE, i * 10L);
      b.notifyFailure(FAILURE, i * 10L);
      long backoff = a.getBackoffTimeMillis();
      assertThat(backoff).isBetween(800L, 1_200L).isEqualTo(b.getBackoffTimeMillis());
      varied |= first >= 0 && backoff != first;
      first = first < 0 ? backoff : first;
    }
    assertThat(varied).isTrue();
  }

  @Test
  void exponentialDelaySaturatesWithAHugeMultiplier() {
    RestartBackoffTimeStrategy s =
        create(
            RestartStrategies.exponentialDelayRestart(
                Duration.ofMillis(1), Duration.ofDays(1), 1e300, Duration.ofDays(2), 0));
    s.notifyFailure(FAILURE, 0);
    s.notifyFailure(FAILURE, 1);
    s.notifyFailure(FAILURE, 2);
    assertThat(s.getBackoffTimeMillis()).isEqualTo(Duration.ofDays(1).toMillis());
  }

  @Test
  void failureRateAllowsAtMostTheConfiguredFailuresPerSlidingInterval() {
    RestartBackoffTimeStrategy s =
        create(
            RestartStrategies.failureRateRestart(
                2, Duration.ofMillis(1_000), Duration.ofMillis(50)));
    s.notifyFailure(FAILURE, 0);
    assertThat(s.canRestart()).isTrue();
    assertThat(s.getBackoffTimeMillis()).isEqualTo(50);
    s.notifyFailure(FAILURE, 500);
    assertThat(s.canRestart()).isTrue();
    s.notifyFailure(FAILURE, 999); // three failures within (−1, 999]
    assertThat(s.canRestart()).isFalse();

    RestartBackoffTimeStrategy t =
        create(RestartStrategies.failureRateRestart(2, Duration.ofMillis(1_000), Duration.ZERO));
    t.notifyFailure(FAILURE, 0);
    t.notifyFailure(FAILURE, 500);
    t.notifyFailure(FAILURE, 1_000); // the failure at 0 slid out of the window
    assertThat(t.canRestart()).isTrue();
    t.notifyFailure(FAILURE, 1_400);
    assertThat(t.canRestart()).isFalse();
  }

  @Test
  void defaultDependsOnCheckpointing() {
    assertThat(RestartBackoffTimeStrategies.defaultIfUnset(null, false))
        .isEqualTo(RestartStrategies.noRestart());
    assertThat(RestartBackoffTimeStrategies.defaultIfUnset(null, true))
        .isEqualTo(RestartStrategies.fixedDelayRestart(Integer.MAX_VALUE, Duration.ofSeconds(1)));
    RestartStrategyConfig configured = RestartStrategies.fixedDelayRestart(3, Duration.ZERO);
    assertThat(RestartBackoffTimeStrategies.defaultIfUnset(configured, true)).isSameAs(configured);

    assertThat(RestartBackoffTimeStrategies.forJob(null, false).canRestart()).isFalse();
    RestartBackoffTimeStrategy withCheckpoints = RestartBackoffTimeStrategies.forJob(null, true);
    for (int i = 0; i < 1_000; i++) {
      withCheckpoints.notifyFailure(FAILURE, i);
    }
    assertThat(withCheckpoints.canRestart()).isTrue();
    assertThat(withCheckpoints.getBackoffTimeMillis()).isEqualTo(1_000);
  }
}
