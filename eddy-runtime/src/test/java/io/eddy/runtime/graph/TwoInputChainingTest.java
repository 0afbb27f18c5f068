package io.eddy.runtime.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.StreamExecutionEnvironment;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.datastream.ConnectedStreams;
import io.eddy.api.datastream.DataStream;
import io.eddy.api.functions.co.CoMapFunction;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How two-input operators compile: their own task, edges tagged with the input they feed. */
class TwoInputChainingTest {

  static final class Concat implements CoMapFunction<Long, String, String> {
    @Override
    public String map1(Long value) {
      return "l" + value;
    }

    @Override
    public String map2(String value) {
      return "s" + value;
    }
  }

  @Test
  void aTwoInputOperatorIsItsOwnTaskAndMayHeadAChain() throws Exception {
    JobGraph g =
        ChainingTest.compile(
            env -> {
              DataStream<Long> longs = env.fromSequence(0, 9).map(x -> x);
              DataStream<String> strings = env.fromSequence(0, 9).map(x -> "" + x);
              longs.connect(strings).map(new Concat()).filter(s -> true).print();
            });
    List<String> tasks = g.vertices().stream().map(JobVertex::name).toList();
    assertThat(tasks)
        .containsExactlyInAnyOrder(
            "Sequence Source -> Map",
            "Sequence Source -> Map",
            "Co-Map -> Filter -> Print to Std. Out");
    int coMap = tasks.indexOf("Co-Map -> Filter -> Print to Std. Out");
    List<JobEdge> inputs = g.inputsOf(coMap);
    assertThat(inputs).hasSize(2).allMatch(e -> e.partitionerName().equals("FORWARD"));
    VertexConfig config = config(g.vertices().get(coMap));
    assertThat(config.inputTypeNumbers()).containsExactly(1, 2);
  }

  @Test
  void connectingAStreamWithItselfStillTagsBothInputs() throws Exception {
    JobGraph g =
        ChainingTest.compile(
            env -> {
              DataStream<Long> longs = env.fromSequence(0, 9);
              longs.connect(longs).map(new SameType()).print();
            });
    assertThat(g.vertices()).hasSize(2);
    assertThat(config(g.vertices().get(1)).inputTypeNumbers()).containsExactly(1, 2);
  }

  static final class SameType implements CoMapFunction<Long, Long, Long> {
    @Override
    public Long map1(Long value) {
      return value;
    }

    @Override
    public Long map2(Long value) {
      return -value;
    }
  }

  static final class ModTwo implements KeySelector<Long, Long> {
    @Override
    public Long getKey(Long value) {
      return value % 2;
    }
  }

  static final class AsString implements KeySelector<Long, String> {
    @Override
    public String getKey(Long value) {
      return "" + value;
    }
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void keyedConnectedStreamsNeedKeysOfTheSameType() {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    ConnectedStreams connected = env.fromSequence(0, 9).connect(env.fromSequence(0, 9));
    assertThatThrownBy(() -> connected.keyBy(new ModTwo(), new AsString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same key type")
        .hasMessageContaining("Long")
        .hasMessageContaining("String");
  }

  @Test
  void connectingStreamsOfDifferentEnvironmentsFails() {
    DataStream<Long> a = StreamExecutionEnvironment.getExecutionEnvironment().fromSequence(0, 9);
    DataStream<Long> b = StreamExecutionEnvironment.getExecutionEnvironment().fromSequence(0, 9);
    assertThatThrownBy(() -> a.connect(b))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("different execution environments");
  }

  private static VertexConfig config(JobVertex v) throws IOException, ClassNotFoundException {
    return UserCodeSerialization.deserialize(
        v.serializedConfig(), TwoInputChainingTest.class.getClassLoader());
  }
}
