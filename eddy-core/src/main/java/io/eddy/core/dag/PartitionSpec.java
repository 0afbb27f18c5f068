package io.eddy.core.dag;

import io.eddy.api.annotation.Internal;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.functions.Partitioner;
import java.io.Serializable;

/**
 * How records are routed between two operators. The runtime turns a spec into a partitioner.
 *
 * @param kind the routing rule
 * @param keySelector the key, for {@link Kind#KEY_GROUPS} and {@link Kind#CUSTOM}
 * @param partitioner the user's partitioner, for {@link Kind#CUSTOM}
 */
@Internal
public record PartitionSpec(Kind kind, KeySelector<?, ?> keySelector, Partitioner<?> partitioner)
    implements Serializable {

  /** The routing rules. */
  public enum Kind {
    /** Subtask i sends to subtask i; requires equal parallelism. */
    FORWARD,
    /** By key group of the key's hash: all records of a key reach one subtask. */
    KEY_GROUPS,
    /** Round robin over all consumer subtasks. */
    REBALANCE,
    /** Round robin over a local subset of consumer subtasks (pointwise). */
    RESCALE,
    /** Every record to every consumer subtask. */
    BROADCAST,
    /** Uniformly random consumer subtask. */
    SHUFFLE,
    /** Everything to consumer subtask 0. */
    GLOBAL,
    /** The user's {@link Partitioner} on a key. */
    CUSTOM
  }

  public static PartitionSpec of(Kind kind) {
    return new PartitionSpec(kind, null, null);
  }
}
