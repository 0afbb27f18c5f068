package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.JobExecutionException;
import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.testutils.MiniClusterExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes get one clear line that says what is wrong and where. */
class ErrorsITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(1, 4);

  @Test
  void aThrowingFunctionFailsTheJobWithItsMessageOperatorAndSubtask() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.fromSequence(0, 100)
        .map(
            v -> {
              if (v == 77) {
                throw new IllegalStateException("bad record 77");
              }
              return v;
            })
        .name("Validate")
        .sinkToDiscarding();
    assertThatThrownBy(() -> env.execute("failing job"))
        .isInstanceOf(JobExecutionException.class)
        .hasMessageContaining("failing job")
        .hasMessageContaining("Validate (")
        .hasMessageMatching("(?s).*Validate \\([12]/2\\).*")
        .hasMessageContaining("bad record 77")
        .hasRootCauseMessage("bad record 77");
  }

  @Test
  void missingInputFileIsOneClearLine(@TempDir Path dir) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    String missing = dir.resolve("nope.txt").toString();
    env.readTextFile(missing).sinkToDiscarding();
    assertThatThrownBy(() -> env.execute())
        .hasMessageContaining("Input path does not exist: " + missing)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void negativeParallelismIsRejected() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    assertThatThrownBy(() -> env.setParallelism(-2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Parallelism must be at least 1, but was -2.");
    assertThatThrownBy(() -> env.fromSequence(0, 1).map(v -> v).setParallelism(0))
        .hasMessage("Parallelism must be at least 1, but was 0.");
  }

  @Test
  void parallelismAboveMaxParallelismIsRejected() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setMaxParallelism(8);
    env.fromSequence(0, 10).map(v -> v).name("Wide").setParallelism(16).sinkToDiscarding();
    assertThatThrownBy(env::execute)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Operator 'Wide' has parallelism 16, more than its max parallelism 8: lower the parallelism or raise it with setMaxParallelism(16).");
  }

  @Test
  void forwardBetweenDifferentParallelismsIsRejected() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.fromSequence(0, 10)
        .setParallelism(2)
        .forward()
        .map(v -> v)
        .name("M")
        .setParallelism(3)
        .sinkToDiscarding();
    assertThatThrownBy(env::execute)
        .hasMessageContaining("forward() needs the same parallelism")
        .hasMessageContaining("use rebalance() or rescale()");
  }

  @Test
  void tooFewSlotsSaysWhatIsMissing() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(6);
    env.fromSequence(0, 10).sinkToDiscarding();
    assertThatThrownBy(env::execute)
        .hasMessageContaining("needs 6 slots but the cluster has only 4 free");
  }

  @Test
  void noSinksIsAClearError() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.fromSequence(0, 10).map(v -> v);
    assertThatThrownBy(env::execute).hasMessageContaining("No sinks are defined");
  }

  static final class NotSerializable {}

  @Test
  void aNonSerializableCaptureNamesTheClass() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    NotSerializable captured = new NotSerializable();
    env.fromSequence(0, 10).map(v -> v + captured.hashCode()).sinkToDiscarding();
    assertThatThrownBy(env::execute)
        .hasMessageContaining("is not serializable")
        .hasMessageContaining("NotSerializable");
  }
}
