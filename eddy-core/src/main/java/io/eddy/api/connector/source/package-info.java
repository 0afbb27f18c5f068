/**
 * Sources in the split model: a {@link Source} makes a {@link SplitEnumerator} (on the JobManager)
 * that hands {@link SourceSplit}s to {@link SourceReader}s (in the tasks), which are non-blocking
 * ({@link InputStatus}, availability futures); {@link VersionedSplitSerializer} is the base of
 * split serializers. File and socket sources live in their connector modules. It may import {@code
 * io.eddy.api.annotation} and other {@code io.eddy.api} packages; no public signature names a core,
 * internal or {@code @Internal} type ({@code ApiSignaturesTest}), and nothing in eddy-core imports
 * the runtime.
 */
package io.eddy.api.connector.source;
