/**
 * The two-input operators: {@link AbstractTwoInputUdfOperator} combines both inputs' watermarks
 * ({@link TwoInputWatermarks}) and sets the current key from the input's key selector; {@link
 * CoStreamMap}, {@link CoStreamFlatMap}, {@link CoProcessOperator}, {@link KeyedCoProcessOperator},
 * the broadcast-state operators ({@link CoBroadcastWithNonKeyedOperator}, {@link
 * CoBroadcastWithKeyedOperator}) and the {@link IntervalJoinOperator} build on it. Part of the
 * {@code operators} layer: it may import {@code gateway}, {@code network}, {@code state} and every
 * layer under them.
 */
package io.eddy.runtime.operators.co;
