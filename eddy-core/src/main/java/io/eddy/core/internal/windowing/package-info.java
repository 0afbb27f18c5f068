/**
 * Adapters that give the runtime one window function shape: {@link WindowFunctionAdapter}, {@link
 * AllWindowFunctionAdapter} and {@link ProcessAllWindowFunctionAdapter} run the other window
 * function kinds as a {@code ProcessWindowFunction}; {@link FieldAggregator} is the reduce of a
 * window's {@code sum/min/max}; the apply functions reduce or aggregate an evicting window's
 * elements. Internal to Eddy (public types carry {@code @Internal}): it may import {@code
 * io.eddy.api} and other {@code io.eddy.core} packages, never the runtime.
 */
package io.eddy.core.internal.windowing;
