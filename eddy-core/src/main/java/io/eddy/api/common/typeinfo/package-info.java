/**
 * What Eddy knows about a stream's element type: {@link TypeInformation}, declared explicitly with
 * {@link Types} or a {@link TypeHint} (for {@code returns(...)}), and otherwise learned by
 * eddy-core's type extractor; it creates the serializer each edge uses. It may import other {@code
 * io.eddy.api} packages, and {@code io.eddy.core} only inside method bodies and private members: no
 * public or protected signature names a core, internal or {@code @Internal} type ({@code
 * ApiSignaturesTest}); nothing in eddy-core imports the runtime.
 */
package io.eddy.api.common.typeinfo;
