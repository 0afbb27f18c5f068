package io.eddy.api.datastream;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.CoGroupFunction;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.windowing.assigners.WindowAssigner;
import io.eddy.api.windowing.evictors.Evictor;
import io.eddy.api.windowing.triggers.Trigger;
import io.eddy.api.windowing.windows.Window;
import io.eddy.core.internal.join.TaggedUnionTypeInfo;
import io.eddy.core.internal.join.UnionFunctions;
import io.eddy.core.internal.types.TypeExtractor;
import io.eddy.core.internal.windowing.WindowFunctionAdapter;
import java.time.Duration;

/**
 * Two streams grouped by key and window: {@code a.coGroup(b).where(keyA).equalTo(keyB)
 * .window(assigner).apply(coGroupFunction)} hands the function all elements of both sides with one
 * key in one window. Runs as one keyed window operator over the union of both inputs, each element
 * tagged with its side ({@link TaggedUnion}), so it needs no two-input operator.
 */
@Public
public class CoGroupedStreams<T1, T2> {
  private final DataStream<T1> input1;
  private final DataStream<T2> input2;

  public CoGroupedStreams(DataStream<T1> input1, DataStream<T2> input2) {
    if (input1.getExecutionEnvironment() != input2.getExecutionEnvironment()) {
      throw new IllegalArgumentException("Cannot coGroup streams of different environments.");
    }
    this.input1 = input1;
    this.input2 = input2;
  }

  /** The key of the first input. */
  public <KEY> Where<KEY> where(KeySelector<T1, KEY> keySelector) {
    return new Where<>(keySelector);
  }

  /** The first input's key is set; now the second's. */
  public final class Where<KEY> {
    private final KeySelector<T1, KEY> key1;

    Where(KeySelector<T1, KEY> key1) {
      this.key1 = key1;
    }

    /** The key of the second input; must equal the first's for elements to meet. */
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
        return new WithWindow<>(input1, input2, key1, key2, assigner);
      }
    }
  }

  /** Keys and windows are set: configure the window and apply the function. */
  public static final class WithWindow<T1, T2, KEY, W extends Window> {
    private final DataStream<T1> input1;
    private final DataStream<T2> input2;
    private final KeySelector<T1, KEY> key1;
    private final KeySelector<T2, KEY> key2;
    private final WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner;
    private Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger;
    private Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor;
    private Duration allowedLateness;

    WithWindow(
        DataStream<T1> input1,
        DataStream<T2> input2,
        KeySelector<T1, KEY> key1,
        KeySelector<T2, KEY> key2,
        WindowAssigner<? super TaggedUnion<T1, T2>, W> assigner) {
      this.input1 = input1;
      this.input2 = input2;
      this.key1 = key1;
      this.key2 = key2;
      this.assigner = assigner;
    }

    public WithWindow<T1, T2, KEY, W> trigger(
        Trigger<? super TaggedUnion<T1, T2>, ? super W> trigger) {
      this.trigger = trigger;
      return this;
    }

    public WithWindow<T1, T2, KEY, W> evictor(
        Evictor<? super TaggedUnion<T1, T2>, ? super W> evictor) {
      this.evictor = evictor;
      return this;
    }

    public WithWindow<T1, T2, KEY, W> allowedLateness(Duration lateness) {
      this.allowedLateness = lateness;
      return this;
    }

    /** Calls {@code function} once per key and window with both sides' elements. */
    public <T> SingleOutputStreamOperator<T> apply(CoGroupFunction<T1, T2, T> function) {
      TypeInformation<T> out =
          TypeExtractor.getOutputType(
              function, CoGroupFunction.class, 2, input1.getType(), input2.getType());
      return apply(function, out);
    }

    /** Like {@link #apply(CoGroupFunction)} with an explicit output type. */
    public <T> SingleOutputStreamOperator<T> apply(
        CoGroupFunction<T1, T2, T> function, TypeInformation<T> outType) {
      TaggedUnionTypeInfo<T1, T2> unionType =
          new TaggedUnionTypeInfo<>(input1.getType(), input2.getType());
      DataStream<TaggedUnion<T1, T2>> one =
          input1.map(new UnionFunctions.TagOne<T1, T2>()).returns(unionType);
      DataStream<TaggedUnion<T1, T2>> two =
          input2.map(new UnionFunctions.TagTwo<T1, T2>()).returns(unionType);
      TypeInformation<KEY> keyType = TypeExtractor.getKeyType(key1, input1.getType());
      WindowedStream<TaggedUnion<T1, T2>, KEY, W> windowed =
          one.union(two)
              .keyBy(new UnionFunctions.UnionKeySelector<>(key1, key2), keyType)
              .window(assigner);
      if (trigger != null) {
        windowed.trigger(trigger);
      }
      if (evictor != null) {
        windowed.evictor(evictor);
      }
      if (allowedLateness != null) {
        windowed.allowedLateness(allowedLateness);
      }
      return windowed.process(
          new WindowFunctionAdapter<>(
              new UnionFunctions.CoGroupWindowFunction<T1, T2, T, KEY, W>(function)),
          outType);
    }
  }
}
