package io.eddy.runtime.operators.co;

import static io.eddy.runtime.operators.co.TwoInputWatermarks.NO_CHANGE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TwoInputWatermarksTest {
  private final TwoInputWatermarks w = new TwoInputWatermarks();

  @Test
  void combinedWatermarkIsTheMinimumOfBothInputs() {
    assertThat(w.inputWatermark(0, 100)).isEqualTo(NO_CHANGE); // input 2 has none yet
    assertThat(w.inputWatermark(1, 5)).isEqualTo(5);
    assertThat(w.inputWatermark(0, 200)).isEqualTo(NO_CHANGE); // still held back by input 2
    assertThat(w.inputWatermark(1, 150)).isEqualTo(150);
    assertThat(w.inputWatermark(1, 300)).isEqualTo(200);
    assertThat(w.inputWatermark(1, 250))
        .isEqualTo(NO_CHANGE); // an input's watermark never goes back
  }

  @Test
  void anIdleInputHoldsNothingBackAndBothIdleMakeTheOperatorIdle() {
    w.inputWatermark(0, 100);
    w.inputWatermark(1, 10);
    assertThat(w.inputStatus(1, true)).isEqualTo(100);
    assertThat(w.takeStatusChange()).isFalse();
    assertThat(w.inputStatus(0, true)).isEqualTo(NO_CHANGE);
    assertThat(w.takeStatusChange()).isTrue();
    assertThat(w.isOutputIdle()).isTrue();
    // Input 2 comes back behind the combined watermark: it does not move it back.
    assertThat(w.inputStatus(1, false)).isEqualTo(NO_CHANGE);
    assertThat(w.takeStatusChange()).isTrue();
    assertThat(w.isOutputIdle()).isFalse();
    assertThat(w.inputWatermark(1, 50)).isEqualTo(NO_CHANGE);
    assertThat(w.inputWatermark(1, 120)).isEqualTo(120);
  }
}
