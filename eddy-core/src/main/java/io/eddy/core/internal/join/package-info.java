/**
 * Window joins and coGroups on one window operator: {@link TaggedUnionTypeInfo} types the {@code
 * TaggedUnion} of both sides (a tag byte, then the side's serializer), and {@link UnionFunctions}
 * tags, keys and splits the elements again for the user's function. Internal to Eddy (public types
 * carry {@code @Internal}): it may import {@code io.eddy.api} and other {@code io.eddy.core}
 * packages, never the runtime.
 */
package io.eddy.core.internal.join;
