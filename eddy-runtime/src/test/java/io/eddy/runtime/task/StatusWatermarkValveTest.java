package io.eddy.runtime.task;

import static io.eddy.runtime.task.StatusWatermarkValve.NO_CHANGE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusWatermarkValveTest {

  @Test
  void watermarkIsTheMinimumOverChannels() {
    StatusWatermarkValve valve = new StatusWatermarkValve(3);
    assertThat(valve.inputWatermark(10, 0)).isEqualTo(NO_CHANGE);
    assertThat(valve.inputWatermark(20, 1)).isEqualTo(NO_CHANGE);
    assertThat(valve.inputWatermark(5, 2)).isEqualTo(5);
    assertThat(valve.inputWatermark(30, 2)).isEqualTo(10);
    assertThat(valve.inputWatermark(25, 0)).isEqualTo(20);
    assertThat(valve.inputWatermark(15, 1)).as("a channel cannot go back").isEqualTo(NO_CHANGE);
    assertThat(valve.getLastOutputWatermark()).isEqualTo(20);
  }

  @Test
  void idleChannelIsLeftOutUntilActiveAndCaughtUp() {
    StatusWatermarkValve valve = new StatusWatermarkValve(2);
    valve.inputWatermark(10, 0);
    assertThat(valve.inputWatermark(3, 1)).isEqualTo(3);

    assertThat(valve.inputStatus(true, 1)).as("the idle channel held it back").isEqualTo(10);
    assertThat(valve.takeStatusChange()).as("one channel is still active").isFalse();
    assertThat(valve.inputWatermark(40, 0)).isEqualTo(40);
    assertThat(valve.inputWatermark(50, 1))
        .as("watermarks of idle channels are ignored")
        .isEqualTo(NO_CHANGE);

    assertThat(valve.inputStatus(false, 1)).isEqualTo(NO_CHANGE);
    assertThat(valve.inputWatermark(45, 0))
        .as("channel 1 is behind (3 < 40): not aligned")
        .isEqualTo(45);
    assertThat(valve.inputWatermark(46, 1)).isEqualTo(NO_CHANGE);
    assertThat(valve.inputWatermark(60, 0))
        .as("channel 1 caught up and holds it back")
        .isEqualTo(46);
  }

  @Test
  void allIdleMakesTheTaskIdleAndOneActiveMakesItActive() {
    StatusWatermarkValve valve = new StatusWatermarkValve(2);
    valve.inputWatermark(7, 0);
    valve.inputWatermark(9, 1);
    assertThat(valve.inputStatus(true, 1)).isEqualTo(NO_CHANGE);
    assertThat(valve.takeStatusChange()).isFalse();
    assertThat(valve.inputStatus(true, 0)).as("max of the idle channels").isEqualTo(9);
    assertThat(valve.takeStatusChange()).isTrue();
    assertThat(valve.isOutputIdle()).isTrue();

    valve.inputStatus(false, 0);
    assertThat(valve.takeStatusChange()).isTrue();
    assertThat(valve.isOutputIdle()).isFalse();
    assertThat(valve.inputWatermark(12, 0)).isEqualTo(12);
  }

  @Test
  void endedChannelsAreLeftOut() {
    StatusWatermarkValve valve = new StatusWatermarkValve(3);
    valve.inputWatermark(100, 0);
    valve.inputWatermark(50, 1);
    assertThat(valve.inputWatermark(Long.MAX_VALUE, 2)).isEqualTo(50);
    assertThat(valve.inputEnded(2)).isEqualTo(NO_CHANGE);
    assertThat(valve.inputEnded(1)).isEqualTo(100);
    assertThat(valve.inputWatermark(Long.MAX_VALUE, 0)).isEqualTo(Long.MAX_VALUE);
    assertThat(valve.inputEnded(0)).isEqualTo(NO_CHANGE);
  }

  @Test
  void remainingIdleChannelsMakeTheTaskIdleWhenTheActiveOneEnds() {
    StatusWatermarkValve valve = new StatusWatermarkValve(2);
    valve.inputStatus(true, 1);
    assertThat(valve.takeStatusChange()).isFalse();
    valve.inputEnded(0);
    assertThat(valve.takeStatusChange()).isTrue();
    assertThat(valve.isOutputIdle()).isTrue();
  }
}
