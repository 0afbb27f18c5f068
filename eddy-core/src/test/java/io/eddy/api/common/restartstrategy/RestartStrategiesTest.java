package io.eddy.api.common.restartstrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartStrategiesTest {
  private static final Duration S = Duration.ofSeconds(1);

  @Test
  void rejectsBadSettingsWithOneLineMessages() {
    assertThatThrownBy(() -> RestartStrategies.fixedDelayRestart(-1, S))
        .hasMessage("Restart attempts must be 0 or more, but was -1.");
    assertThatThrownBy(() -> RestartStrategies.fixedDelayRestart(1, Duration.ofMillis(-5)))
        .hasMessage("The restart delay must be 0 or more, but was -5 ms.");
    assertThatThrownBy(() -> RestartStrategies.exponentialDelayRestart(S, S, 0.5, S, 0.1))
        .hasMessage("The backoff multiplier must be a finite number of at least 1, but was 0.5.");
    assertThatThrownBy(() -> RestartStrategies.exponentialDelayRestart(S, S, Double.NaN, S, 0.1))
        .hasMessageContaining("multiplier");
    assertThatThrownBy(() -> RestartStrategies.exponentialDelayRestart(S, S, 2, S, 1.5))
        .hasMessage("The jitter factor must be between 0 and 1, but was 1.5.");
    assertThatThrownBy(() -> RestartStrategies.exponentialDelayRestart(S, S, 2, S, -0.1))
        .hasMessageContaining("jitter");
    assertThatThrownBy(
            () -> RestartStrategies.exponentialDelayRestart(S, Duration.ofMillis(10), 2, S, 0))
        .hasMessage("The maximum backoff (10 ms) must not be below the initial backoff (1000 ms).");
    assertThatThrownBy(() -> RestartStrategies.exponentialDelayRestart(Duration.ZERO, S, 2, S, 0))
        .hasMessage("The initial backoff must be more than 0, but was 0 ms.");
    assertThatThrownBy(() -> RestartStrategies.failureRateRestart(0, S, S))
        .hasMessage("Failures per interval must be more than 0, but was 0.");
    assertThatThrownBy(() -> RestartStrategies.failureRateRestart(1, null, S))
        .hasMessage("The failure interval must not be null.");
  }

  @Test
  void configurationsAreSerializable() throws Exception {
    RestartStrategyConfig config =
        RestartStrategies.exponentialDelayRestart(
            S, S.multipliedBy(60), 2, S.multipliedBy(10), 0.1);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(config);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(config);
    }
    assertThat(RestartStrategies.noRestart().describe()).isEqualTo("no restart");
  }
}
