package io.eddy.runtime.gateway;

import java.io.Serializable;
import java.util.List;

/** Messages between a source operator in a task and its coordinator on the JobManager. */
public sealed interface OperatorEvent extends Serializable
    permits OperatorEvent.ReaderRegistration,
        OperatorEvent.SplitRequest,
        OperatorEvent.AddSplits,
        OperatorEvent.NoMoreSplits {

  /** A reader started (also after a restart). */
  record ReaderRegistration(int subtask) implements OperatorEvent {}

  /** A reader has no split and asks for one. */
  record SplitRequest(int subtask) implements OperatorEvent {}

  /** Splits for a reader, serialized with the source's split serializer at {@code version}. */
  record AddSplits(int version, List<byte[]> splits) implements OperatorEvent {}

  /** The reader gets no more splits. */
  record NoMoreSplits() implements OperatorEvent {}
}
