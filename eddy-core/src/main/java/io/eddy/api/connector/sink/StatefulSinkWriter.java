package io.eddy.api.connector.sink;

import io.eddy.api.annotation.Public;
import java.io.IOException;
import java.util.List;

/**
 * A writer whose unfinished work (say, a file still being written) is part of each checkpoint, so
 * that a restored writer continues it; see {@link SupportsWriterState}.
 */
@Public
public interface StatefulSinkWriter<T, WriterStateT> extends SinkWriter<T> {
  List<WriterStateT> snapshotState(long checkpointId) throws IOException;
}
