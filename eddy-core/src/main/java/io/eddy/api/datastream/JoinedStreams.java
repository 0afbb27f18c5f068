package io.eddy.api.datastream;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.FlatJoinFunction;
import io.eddy.api.common.functions.JoinFunction;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.windowing.assigners.WindowAssigner;
import io.eddy.api.windowing.evictors.Evictor;
import io.eddy.api.windowing.triggers.Trigger;
import io.eddy.api.windowing.windows.Window;
import io.eddy.core.internal.join.UnionFunctions;
import io.eddy.core.internal.types.TypeExtractor;
import java.time.Duration;

/**
 * A window inner join: {@code a.join(b).where(keyA).equalTo(keyB).window(assigner).apply(fn)} calls
 * {@code fn} for every pair of elements, one from each side, with equal keys in the same window. A
 * {@link CoGroupedStreams coGroup} with a nested-loop join function.
 */
@Public
public class JoinedStreams<T1, T2> {
  private final DataStream<T1> input1;
  private final DataStream<T2> input2;

  public JoinedStreams(DataStream<T1> input1, DataStream<T2> input2) {
    this.input1 = input1;
    this.input2 = input2;
  }

  public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
    return new Where<>(keySelector);
  }

  /** The first input's key is set; now the second's. */
  public final class Where<KEY> {
    private final KeySelector<T1, KEY> key1;

    Where(KeySelector<T1, KEY> key1) {
      this.key1 = key1;
    }

    public EqualTo equalTo(KeySelector<T2, KEY> key2) {
      return new EqualTo(key2);
    }

    /** Both keys are set; now the windows. */
    public final class EqualTo {
      private final KeySelector<T2, KEY> key2;

      EqualTo(KeySelector<T2, KEY> key2) {
        this.key2 = key2;
      }

      public <W extends Window> WithWindow<T1, T2, KEY, W> window(
          WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
        return new WithWindow<>(
            input1,
            input2,
            new CoGroupedStreams<>(input1, input2).where(key1).equalTo(key2).window(assigner));
      }
    }
  }

  /** Keys and windows are set: configure the window and apply the join function. */
  public static final class WithWindow<T1, T2, KEY, W extends Window> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;
    private final CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup;

    WithWindow(
        DataStream<T1> input1,
        DataStream<T2> input2,
        CoGroupedStreams.WithWindow<T1, T2, KEY, W> coGroup) {
      this.input1 = input1;
      this.input2 = input2;
      this.coGroup = coGroup;
    }

    public WithWindow<T1, T2, KEY, W> trigger(
        Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger) {
      coGroup.trigger(trigger);
      return this;
    }

    public WithWindow<T1, T2, KEY, W> evictor(
        Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor) {
      coGroup.evictor(evictor);
      return this;
    }

    public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
      coGroup.allowedLateness(lateness);
      return this;
    }

    /** Emits {@code function.join(a, b)} for every matching pair. */
    public <T> SingleOutputStreamOperator<T> apply(JoinFunction<T1, T2, T> function) {
      TypeInformation<T> out =
          TypeExtractor.getOutputType(
              function, JoinFunction.class, 2, input1.getType(), input2.getType());
      return apply(function, out);
    }

    public <T> SingleOutputStreamOperator<T> apply(
        JoinFunction<T1, T2, T> function, TypeInformation<T> outType) {
      return coGroup.apply(new UnionFunctions.JoinCoGroupFunction<>(function), outType);
    }

    /** Calls {@code function} for every matching pair; it emits any number of results. */
    public <T> SingleOutputStreamOperator<T> apply(FlatJoinFunction<T1, T2, T> function) {
      TypeInformation<T> out =
          TypeExtractor.getOutputType(
              function, FlatJoinFunction.class, 2, input1.getType(), input2.getType());
      return apply(function, out);
    }

    public <T> SingleOutputStreamOperator<T> apply(
        FlatJoinFunction<T1, T2, T> function, TypeInformation<T> outType) {
      return coGroup.apply(new UnionFunctions.FlatJoinCoGroupFunction<>(function), outType);
    }
  }
}
