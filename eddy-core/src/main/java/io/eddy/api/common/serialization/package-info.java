/**
 * Encoders of file sinks: {@link Encoder} writes one record of a row format ({@link
 * SimpleStringEncoder}), {@link BulkWriter} many records of a bulk format. It may import {@code
 * io.eddy.api.annotation} and other {@code io.eddy.api} packages; no public signature names a core,
 * internal or {@code @Internal} type ({@code ApiSignaturesTest}), and nothing in eddy-core imports
 * the runtime.
 */
package io.eddy.api.common.serialization;
