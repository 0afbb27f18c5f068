package io.eddy.runtime.keygroup;

import io.eddy.runtime.snapshot.KeyGroupRange;

/**
 * Maps keys to key groups and key groups to subtasks (DESIGN.md §2):
 *
 * <pre>
 * keyGroup = murmur(key.hashCode()) % maxParallelism
 * subtask  = keyGroup * parallelism / maxParallelism
 * </pre>
 *
 * so each subtask owns a contiguous range of key groups, and changing the parallelism moves whole
 * key groups.
 */
public final class KeyGroupRangeAssignment {
  private KeyGroupRangeAssignment() {}

  public static int assignToKeyGroup(Object key, int maxParallelism) {
    return computeKeyGroupForKeyHash(key.hashCode(), maxParallelism);
  }

  public static int computeKeyGroupForKeyHash(int keyHash, int maxParallelism) {
    return MurmurHash.fmix(keyHash) % maxParallelism;
  }

  public static int computeOperatorIndexForKeyGroup(
      int maxParallelism, int parallelism, int keyGroup) {
    return keyGroup * parallelism / maxParallelism;
  }

  public static int assignKeyToParallelOperator(Object key, int maxParallelism, int parallelism) {
    return computeOperatorIndexForKeyGroup(
        maxParallelism, parallelism, assignToKeyGroup(key, maxParallelism));
  }

  /** The key groups subtask {@code operatorIndex} owns: the inverse of the formula above. */
  public static KeyGroupRange computeKeyGroupRangeForOperatorIndex(
      int maxParallelism, int parallelism, int operatorIndex) {
    int start = (operatorIndex * maxParallelism + parallelism - 1) / parallelism;
    int end = ((operatorIndex + 1) * maxParallelism - 1) / parallelism;
    return new KeyGroupRange(start, end);
  }
}
