package io.eddy.api.functions.windowing;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.Function;
import io.eddy.api.windowing.windows.Window;

/** The simple form of {@link ProcessWindowFunction}: key, window and elements. Task thread only. */
@FunctionalInterface
@Public
public interface WindowFunction<IN, OUT, KEY, W extends Window> extends Function {
  void apply(KEY key, W window, Iterable<IN> input, Collector<OUT> out) throws Exception;
}
