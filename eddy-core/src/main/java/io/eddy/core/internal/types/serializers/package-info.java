/**
 * The serializers: basic values and primitive arrays, {@link TupleSerializer}, {@link
 * RecordSerializer}, {@link PojoSerializer}, lists, maps, enums, object arrays, the class-tagging
 * {@link DynamicSerializer} and the {@link KryoSerializer} fallback (warned about once per class).
 * Never Java serialization. Internal to Eddy (public types carry {@code @Internal}): it may import
 * {@code io.eddy.api} and other {@code io.eddy.core} packages, never the runtime.
 */
package io.eddy.core.internal.types.serializers;
