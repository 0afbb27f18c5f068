package io.eddy.api.functions.windowing;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.Function;
import io.eddy.api.windowing.windows.Window;

/** The simple form of {@link ProcessAllWindowFunction}: window and elements. Task thread only. */
@FunctionalInterface
@Public
public interface AllWindowFunction<IN, OUT, W extends Window> extends Function {
  void apply(W window, Iterable<IN> values, Collector<OUT> out) throws Exception;
}
