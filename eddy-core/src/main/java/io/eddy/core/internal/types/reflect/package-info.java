/**
 * Reflection behind record and POJO types: {@link PojoAnalysis} decides what is a POJO and lists
 * its {@link PojoProperty}s, {@link PojoAccess} and {@link RecordAccess} read and build values
 * through method handles resolved once per class. Internal to Eddy (public types carry
 * {@code @Internal}): it may import {@code io.eddy.api} and other {@code io.eddy.core} packages,
 * never the runtime.
 */
package io.eddy.core.internal.types.reflect;
