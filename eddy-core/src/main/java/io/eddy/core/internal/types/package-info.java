/**
 * Type analysis: the {@link TypeExtractor} learns {@code TypeInformation} from classes, function
 * types and lambdas; the type informations of basic types, tuples, records, POJOs, enums, arrays,
 * lists and maps, {@link DynamicTypeInfo} when a type cannot be learned and {@link GenericTypeInfo}
 * (Kryo); {@link FieldAccessors} read fields for keys and aggregations. Internal to Eddy (public
 * types carry {@code @Internal}): it may import {@code io.eddy.api} and other {@code io.eddy.core}
 * packages, never the runtime.
 */
package io.eddy.core.internal.types;
