package io.eddy.core.internal.join;

import io.eddy.api.common.functions.CoGroupFunction;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.FlatJoinFunction;
import io.eddy.api.common.functions.JoinFunction;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.functions.MapFunction;
import io.eddy.api.common.functions.OpenContext;
import io.eddy.api.common.functions.RichFunction;
import io.eddy.api.common.functions.RuntimeContext;
import io.eddy.api.datastream.TaggedUnion;
import io.eddy.api.functions.windowing.WindowFunction;
import io.eddy.api.windowing.windows.Window;
import java.util.ArrayList;
import java.util.List;

/** The small functions that run a window join or coGroup over a {@link TaggedUnion} stream. */
public final class UnionFunctions {
  private UnionFunctions() {}

  /**
   * A wrapper that passes the rich lifecycle (runtime context, open, close) on to the user function
   * it wraps, when that one is a {@link RichFunction}.
   */
  abstract static class Forwarding implements RichFunction {
    private static final long serialVersionUID = 1L;
    private transient RuntimeContext context;

    abstract Object target();

    @Override
    public void open(OpenContext openContext) throws Exception {
      if (target() instanceof RichFunction rich) {
        rich.open(openContext);
      }
    }

    @Override
    public void close() throws Exception {
      if (target() instanceof RichFunction rich) {
        rich.close();
      }
    }

    @Override
    public RuntimeContext getRuntimeContext() {
      return context;
    }

    @Override
    public void setRuntimeContext(RuntimeContext context) {
      this.context = context;
      if (target() instanceof RichFunction rich) {
        rich.setRuntimeContext(context);
      }
    }
  }

  /** Tags an element of the first input. */
  public static final class TagOne<T1, T2> implements MapFunction<T1, TaggedUnion<T1, T2>> {
    private static final long serialVersionUID = 1L;

    @Override
    public TaggedUnion<T1, T2> map(T1 value) {
      return TaggedUnion.one(value);
    }
  }

  /** Tags an element of the second input. */
  public static final class TagTwo<T1, T2> implements MapFunction<T2, TaggedUnion<T1, T2>> {
    private static final long serialVersionUID = 1L;

    @Override
    public TaggedUnion<T1, T2> map(T2 value) {
      return TaggedUnion.two(value);
    }
  }

  /** The key of either side, by that side's key selector. */
  public static final class UnionKeySelector<T1, T2, K>
      implements KeySelector<TaggedUnion<T1, T2>, K> {
    private static final long serialVersionUID = 1L;
    private final KeySelector<T1, K> keyOne;
    private final KeySelector<T2, K> keyTwo;

    public UnionKeySelector(KeySelector<T1, K> keyOne, KeySelector<T2, K> keyTwo) {
      this.keyOne = keyOne;
      this.keyTwo = keyTwo;
    }

    @Override
    public K getKey(TaggedUnion<T1, T2> value) throws Exception {
      return value.isOne() ? keyOne.getKey(value.getOne()) : keyTwo.getKey(value.getTwo());
    }
  }

  /** Splits a window's tagged elements by side and hands both to the coGroup function. */
  public static final class CoGroupWindowFunction<T1, T2, T, K, W extends Window> extends Forwarding
      implements WindowFunction<TaggedUnion<T1, T2>, T, K, W> {
    private static final long serialVersionUID = 1L;
    private final CoGroupFunction<T1, T2, T> function;

    public CoGroupWindowFunction(CoGroupFunction<T1, T2, T> function) {
      this.function = function;
    }

    @Override
    Object target() {
      return function;
    }

    @Override
    public void apply(K key, W window, Iterable<TaggedUnion<T1, T2>> input, Collector<T> out)
        throws Exception {
      List<T1> ones = new ArrayList<>();
      List<T2> twos = new ArrayList<>();
      for (TaggedUnion<T1, T2> element : input) {
        if (element.isOne()) {
          ones.add(element.getOne());
        } else {
          twos.add(element.getTwo());
        }
      }
      function.coGroup(ones, twos, out);
    }
  }

  /** An inner join as a coGroup: every pair of the two sides (nested loops). */
  public static final class JoinCoGroupFunction<T1, T2, T> extends Forwarding
      implements CoGroupFunction<T1, T2, T> {
    private static final long serialVersionUID = 1L;
    private final JoinFunction<T1, T2, T> function;

    public JoinCoGroupFunction(JoinFunction<T1, T2, T> function) {
      this.function = function;
    }

    @Override
    Object target() {
      return function;
    }

    @Override
    public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out)
        throws Exception {
      for (T1 a : first) {
        for (T2 b : second) {
          out.collect(function.join(a, b));
        }
      }
    }
  }

  /** A flat inner join as a coGroup. */
  public static final class FlatJoinCoGroupFunction<T1, T2, T> extends Forwarding
      implements CoGroupFunction<T1, T2, T> {
    private static final long serialVersionUID = 1L;
    private final FlatJoinFunction<T1, T2, T> function;

    public FlatJoinCoGroupFunction(FlatJoinFunction<T1, T2, T> function) {
      this.function = function;
    }

    @Override
    Object target() {
      return function;
    }

    @Override
    public void coGroup(Iterable<T1> first, Iterable<T2> second, Collector<T> out)
        throws Exception {
      for (T1 a : first) {
        for (T2 b : second) {
          function.join(a, b, out);
        }
      }
    }
  }
}
