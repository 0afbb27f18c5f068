/**
 * Windows: the {@link WindowOperator} (and the evicting one) keeps each window's contents in keyed
 * state with the window as namespace and fires through the trigger and timers; session windows
 * merge in a {@code MergingWindowSet}. The {@link WindowPreAggregateOperator} ({@link
 * WindowPreAggregation}) reduces per key and pane before the shuffle and sends {@link
 * PreAggregated} values to a {@link PreAggregatedWindowSpec} window. Part of the {@code operators}
 * layer: it may import {@code gateway}, {@code network}, {@code state} and every layer under them.
 */
package io.eddy.runtime.operators.windowing;
