/**
 * The built-in sources: {@link FromElementsSource} (behind {@code fromElements}/{@code
 * fromCollection}), {@link NumberSequenceSource} ({@code fromSequence}) and {@link
 * DataGeneratorSource} ({@code fromGenerator}, a {@link GeneratorFunction}), with their splits and
 * split serializers. They are built on the split-reader base of {@code
 * io.eddy.core.internal.connector.source}. It may import other {@code io.eddy.api} packages, and
 * {@code io.eddy.core} only inside method bodies and private members: no public or protected
 * signature names a core, internal or {@code @Internal} type ({@code ApiSignaturesTest}); nothing
 * in eddy-core imports the runtime.
 */
package io.eddy.api.connector.source.lib;
