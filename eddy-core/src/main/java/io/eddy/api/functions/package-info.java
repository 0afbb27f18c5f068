/**
 * The process functions: {@link ProcessFunction} and {@link KeyedProcessFunction}, with side
 * outputs, time and (on keyed streams) timers; their contexts are abstract inner classes the
 * runtime's operators implement. It may import {@code io.eddy.api.annotation} and other {@code
 * io.eddy.api} packages; no public signature names a core, internal or {@code @Internal} type
 * ({@code ApiSignaturesTest}), and nothing in eddy-core imports the runtime.
 */
package io.eddy.api.functions;
