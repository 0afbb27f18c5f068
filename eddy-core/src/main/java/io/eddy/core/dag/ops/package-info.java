/**
 * What an operator does, as the API recorded it: {@link OperatorSpec}s made by {@link Specs} and
 * {@link TwoInputSpecs}, and the {@link WindowSpec}; the runtime's operator factories map each spec
 * to an operator, so the API never names a runtime operator. Internal to Eddy (public types carry
 * {@code @Internal}): it may import {@code io.eddy.api} and other {@code io.eddy.core} packages,
 * never the runtime.
 */
package io.eddy.core.dag.ops;
