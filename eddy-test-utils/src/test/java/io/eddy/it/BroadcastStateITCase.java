package io.eddy.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.OpenContext;
import io.eddy.api.common.state.BroadcastState;
import io.eddy.api.common.state.ListState;
import io.eddy.api.common.state.ListStateDescriptor;
import io.eddy.api.common.state.MapStateDescriptor;
import io.eddy.api.common.state.ReadOnlyBroadcastState;
import io.eddy.api.common.state.ValueState;
import io.eddy.api.common.state.ValueStateDescriptor;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.datastream.BroadcastStream;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.functions.co.BroadcastProcessFunction;
import io.eddy.api.functions.co.KeyedBroadcastProcessFunction;
import io.eddy.testutils.CollectingSink;
import io.eddy.testutils.MiniClusterExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The broadcast state pattern: rules broadcast to every subtask, applied to a keyed and to a
 * non-keyed stream. Rules and events arrive in no fixed order, so events that come before the rules
 * are complete wait (in keyed state, or in a field on a non-keyed stream) and are evaluated when
 * the last rule ({@code READY}) arrives.
 */
class BroadcastStateITCase {
  @RegisterExtension static final MiniClusterExtension CLUSTER = new MiniClusterExtension(2, 4);

  record Rule(String name, long threshold) {}

  record Event(String user, String id, long amount) {}

  static final MapStateDescriptor<String, Long> RULES =
      new MapStateDescriptor<>("rules", Types.STRING, Types.LONG);

  static final String READY = "READY";

  static final List<Rule> RULE_LIST =
      List.of(new Rule("low", 10), new Rule("high", 100), new Rule(READY, 0));

  static final List<Event> EVENTS =
      List.of(
          new Event("ann", "e1", 5),
          new Event("bob", "e2", 50),
          new Event("ann", "e3", 500),
          new Event("cid", "e4", 10),
          new Event("bob", "e5", 100),
          new Event("ann", "e6", 1));

  /** "user#n:id:rules it passes", n counting the user's events (keyed state). */
  static final class ApplyRulesPerUser
      extends KeyedBroadcastProcessFunction<String, Event, Rule, String> {
    private static final ListStateDescriptor<Event> PENDING =
        new ListStateDescriptor<>("pending", Event.class);
    private transient ListState<Event> pending;
    private transient ValueState<Long> count;

    @Override
    public void open(OpenContext context) {
      pending = getRuntimeContext().getListState(PENDING);
      count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
    }

    @Override
    public void processElement(Event event, ReadOnlyContext ctx, Collector<String> out)
        throws Exception {
      ReadOnlyBroadcastState<String, Long> rules = ctx.getBroadcastState(RULES);
      if (rules.contains(READY)) {
        evaluate(event, rules, out);
      } else {
        pending.add(event);
      }
    }

    @Override
    public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out)
        throws Exception {
      BroadcastState<String, Long> rules = ctx.getBroadcastState(RULES);
      rules.put(rule.name(), rule.threshold());
      if (rule.name().equals(READY)) {
        ctx.applyToKeyedState(
            PENDING,
            (user, waiting) -> {
              for (Event event : waiting.get()) {
                evaluate(event, rules, out);
              }
              waiting.clear();
            });
      }
    }

    private void evaluate(
        Event event, ReadOnlyBroadcastState<String, Long> rules, Collector<String> out)
        throws Exception {
      Long n = count.value();
      long next = n == null ? 1 : n + 1;
      count.update(next);
      out.collect(event.user() + "#" + next + ":" + event.id() + ":" + passed(event, rules));
    }
  }

  static List<String> passed(Event event, ReadOnlyBroadcastState<String, Long> rules)
      throws Exception {
    Map<String, Long> sorted = new TreeMap<>();
    for (Map.Entry<String, Long> rule : rules.immutableEntries()) {
      sorted.put(rule.getKey(), rule.getValue());
    }
    List<String> passed = new ArrayList<>();
    sorted.forEach(
        (name, threshold) -> {
          if (!name.equals(READY) && event.amount() >= threshold) {
            passed.add(name);
          }
        });
    return passed;
  }

  /** Non-keyed: waits in a field; also reports how many rules each subtask received. */
  static final class ApplyRules extends BroadcastProcessFunction<Event, Rule, String> {
    private final List<Event> waiting = new ArrayList<>();

    @Override
    public void processElement(Event event, ReadOnlyContext ctx, Collector<String> out)
        throws Exception {
      ReadOnlyBroadcastState<String, Long> rules = ctx.getBroadcastState(RULES);
      if (rules.contains(READY)) {
        out.collect(event.id() + ":" + passed(event, rules));
      } else {
        waiting.add(event);
      }
    }

    @Override
    public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out)
        throws Exception {
      BroadcastState<String, Long> rules = ctx.getBroadcastState(RULES);
      rules.put(rule.name(), rule.threshold());
      if (rule.name().equals(READY)) {
        int size = 0;
        for (Map.Entry<String, Long> ignored : rules.entries()) {
          size++;
        }
        out.collect("rules in this subtask: " + size);
        for (Event event : waiting) {
          out.collect(event.id() + ":" + passed(event, rules));
        }
        waiting.clear();
      }
    }
  }

  /** Tries to write the broadcast state from the non-broadcast side. */
  static final class WritesFromTheWrongSide extends BroadcastProcessFunction<Event, Rule, String> {
    @Override
    public void processElement(Event event, ReadOnlyContext ctx, Collector<String> out)
        throws Exception {
      @SuppressWarnings("unchecked")
      BroadcastState<String, Long> writable =
          (BroadcastState<String, Long>) ctx.getBroadcastState(RULES);
      writable.put("sneaky", 1L);
    }

    @Override
    public void processBroadcastElement(Rule rule, Context ctx, Collector<String> out) {}
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void rulesReachEverySubtaskAndApplyToAKeyedStream(int parallelism) throws Exception {
    StreamExecutionEnvironment env = env(parallelism);
    BroadcastStream<Rule> rules = env.fromCollection(RULE_LIST).broadcast(RULES);
    CollectingSink<String> sink = new CollectingSink<>();
    env.fromCollection(EVENTS)
        .keyBy(Event::user)
        .connect(rules)
        .process(new ApplyRulesPerUser())
        .sinkTo(sink);
    env.execute();
    assertThat(sorted(sink))
        .containsExactly(
            "ann#1:e1:[]",
            "ann#2:e3:[high, low]",
            "ann#3:e6:[]",
            "bob#1:e2:[low]",
            "bob#2:e5:[high, low]",
            "cid#1:e4:[low]");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void rulesApplyToANonKeyedStreamWithACopyPerSubtask(int parallelism) throws Exception {
    StreamExecutionEnvironment env = env(parallelism);
    BroadcastStream<Rule> rules = env.fromCollection(RULE_LIST).broadcast(RULES);
    CollectingSink<String> sink = new CollectingSink<>();
    DataStream<Event> events = env.fromCollection(EVENTS).rebalance();
    events.connect(rules).process(new ApplyRules()).sinkTo(sink);
    env.execute();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < parallelism; i++) {
      expected.add("rules in this subtask: 3");
    }
    expected.addAll(
        List.of("e1:[]", "e2:[low]", "e3:[high, low]", "e4:[low]", "e5:[high, low]", "e6:[]"));
    expected.sort(null);
    assertThat(sorted(sink)).isEqualTo(expected);
  }

  @Test
  void theNonBroadcastSideCannotWriteTheBroadcastState() {
    StreamExecutionEnvironment env = env(1);
    BroadcastStream<Rule> rules = env.fromCollection(RULE_LIST).broadcast(RULES);
    env.fromCollection(EVENTS)
        .connect(rules)
        .process(new WritesFromTheWrongSide())
        .sinkTo(new CollectingSink<>());
    assertThatThrownBy(env::execute).hasStackTraceContaining("ClassCastException");
  }

  @Test
  void aKeyedBroadcastFunctionNeedsAKeyedStream() {
    StreamExecutionEnvironment env = env(1);
    BroadcastStream<Rule> rules = env.fromCollection(RULE_LIST).broadcast(RULES);
    assertThatThrownBy(
            () -> env.fromCollection(EVENTS).connect(rules).process(new ApplyRulesPerUser()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("keyed first input");
  }

  private static StreamExecutionEnvironment env(int parallelism) {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(parallelism);
    return env;
  }

  private static List<String> sorted(CollectingSink<String> sink) {
    List<String> results = new ArrayList<>(sink.getResults());
    results.sort(null);
    return results;
  }
}
