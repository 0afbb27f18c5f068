package io.eddy.api.connector.source;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.io.SimpleVersionedSerializer;
import java.io.Serializable;

/**
 * A source in the split model (DESIGN.md §5): a {@link SplitEnumerator} on the JobManager discovers
 * splits and hands them to {@link SourceReader}s, one per parallel subtask, which read them.
 * Readers ask for a split when they have none, so fast readers get more work.
 *
 * <p>A source object is a serializable factory: it is shipped to the JobManager (enumerator) and to
 * every task (reader).
 *
 * @param <T> the type of the records produced
 * @param <SplitT> the type of the splits
 * @param <EnumChkT> the type of the enumerator's checkpointed state
 */
@Public
public interface Source<T, SplitT extends SourceSplit, EnumChkT> extends Serializable {

  Boundedness getBoundedness();

  /** Called on the task that will run the reader, once per (re)start. */
  SourceReader<T, SplitT> createReader(SourceReaderContext readerContext) throws Exception;

  /** Called on the JobManager when the job starts without state. */
  SplitEnumerator<SplitT, EnumChkT> createEnumerator(SplitEnumeratorContext<SplitT> enumContext)
      throws Exception;

  /** Called on the JobManager when the job resumes from a checkpoint. */
  SplitEnumerator<SplitT, EnumChkT> restoreEnumerator(
      SplitEnumeratorContext<SplitT> enumContext, EnumChkT checkpoint) throws Exception;

  /** Serializes splits for assignment over the network and for checkpoints. */
  SimpleVersionedSerializer<SplitT> getSplitSerializer();

  /** Serializes the enumerator's checkpoint. */
  SimpleVersionedSerializer<EnumChkT> getEnumeratorCheckpointSerializer();
}
