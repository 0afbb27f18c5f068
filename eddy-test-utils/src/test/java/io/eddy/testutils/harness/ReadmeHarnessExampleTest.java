package io.eddy.testutils.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.functions.KeyedProcessFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs the example of the README's "Testing your functions" section, and checks that the README
 * still shows exactly this code (between the markers below).
 */
class ReadmeHarnessExampleTest {

  // README-EXAMPLE-START
  /** Counts elements per key; 10 ms of event time after each element, reports the count. */
  static class CountThenReport extends KeyedProcessFunction<String, String, String> {
    private final ValueStateDescriptor<Long> countDescriptor =
        new ValueStateDescriptor<>("count", Types.LONG);

    @Override
    public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
      ValueState<Long> count = getRuntimeContext().getState(countDescriptor);
      count.update(count.value() == null ? 1 : count.value() + 1);
      ctx.timerService().registerEventTimeTimer(ctx.timestamp() + 10);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out)
        throws Exception {
      out.collect(
          ctx.getCurrentKey() + "=" + getRuntimeContext().getState(countDescriptor).value());
    }
  }

  @Test
  void countsSurviveARestore() throws Exception {
    OneInputOperatorHarness<String, String> harness =
        FunctionHarnesses.forKeyedProcessFunction(new CountThenReport(), v -> v, Types.STRING)
            .build();
    harness.processElement("a", 1);
    harness.processElement("a", 2);
    HarnessSnapshot snapshot = harness.snapshot(); // state and timers, serialized
    harness.close();

    OneInputOperatorHarness<String, String> restored =
        FunctionHarnesses.forKeyedProcessFunction(new CountThenReport(), v -> v, Types.STRING)
            .restoreFrom(snapshot)
            .build();
    restored.processElement("a", 3);
    restored.processWatermark(20); // fires the timers at 11, 12 and 13
    assertThat(restored.extractOutputValues()).containsExactly("a=3", "a=3", "a=3");
    assertThat(restored.getOutput().get(0)).hasToString("a=3@11");
    restored.close();
  }

  // README-EXAMPLE-END

  @Test
  void theReadmeShowsThisExample() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    String readme = Files.readString(root.resolve("README.md"));
    String source =
        Files.readString(
            Path.of("src/test/java/io/eddy/testutils/harness/ReadmeHarnessExampleTest.java"));
    String example =
        source.substring(
            source.indexOf('\n', source.indexOf("// README-EXAMPLE-START")) + 1,
            source.indexOf("  // README-EXAMPLE-END"));
    String unindented =
        example
            .lines()
            .map(line -> line.startsWith("  ") ? line.substring(2) : line)
            .collect(Collectors.joining("\n", "", "\n"));
    assertThat(readme).contains(unindented);
  }
}
