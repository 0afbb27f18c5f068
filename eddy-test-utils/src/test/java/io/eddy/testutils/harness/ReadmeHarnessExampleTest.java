package io.eddy.testutils.harness;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.datastream.OutputTag;
import io.eddy.api.functions.KeyedProcessFunction;
import io.eddy.api.windowing.assigners.TumblingEventTimeWindows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs the examples of the README's "Testing your functions" section, and checks that the README
 * still shows exactly this code (between each pair of markers below).
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

  // README-EXAMPLE-START
  record Click(String user, int count) {}

  @Test
  void clicksPerWindow() throws Exception {
    OutputTag<Click> late = new OutputTag<>("late") {};
    OneInputOperatorHarness<Click, Click> harness =
        FunctionHarnesses.forWindow(
                Click::user, Types.STRING, TumblingEventTimeWindows.of(Duration.ofMillis(10)))
            .sideOutputLateData(late)
            .reduce((a, b) -> new Click(a.user(), a.count() + b.count()))
            .build();
    harness.processElement(new Click("a", 1), 1);
    harness.processElement(new Click("a", 2), 5);
    harness.processWatermark(10); // fires the window [0, 10) at its last millisecond, 9
    harness.processElement(new Click("a", 4), 3); // too late for [0, 10)
    assertThat(harness.takeRecords())
        .containsExactly("Click[user=a, count=3]@9", "late:Click[user=a, count=4]@3");
    harness.close();
  }

  // README-EXAMPLE-END

  @Test
  void theReadmeShowsTheseExamples() throws Exception {
    Path root = Path.of("").toAbsolutePath().getParent();
    String readme = Files.readString(root.resolve("README.md"));
    String source =
        Files.readString(
            Path.of("src/test/java/io/eddy/testutils/harness/ReadmeHarnessExampleTest.java"));
    String startMarker = "\n  // README-EXAMPLE-START\n"; // a line of its own, not this literal
    int examples = 0;
    for (int start = source.indexOf(startMarker);
        start >= 0;
        start = source.indexOf(startMarker, start + 1)) {
      int from = start + startMarker.length();
      String example =
          source.substring(from, source.indexOf("\n  // README-EXAMPLE-END", from) + 1);
      String unindented =
          example
              .lines()
              .map(line -> line.startsWith("  ") ? line.substring(2) : line)
              .collect(Collectors.joining("\n", "", "\n"));
      assertThat(readme).contains(unindented);
      examples++;
    }
    assertThat(examples).isEqualTo(2);
  }
}
