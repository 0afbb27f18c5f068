package io.eddy.runtime.scheduler;

import io.eddy.runtime.gateway.Slot;
import java.util.List;

/**
 * Where a job takes the slots its subtasks run in: the JobManager's resource manager, seen from a
 * JobMaster. Thread-safe: JobMasters call it from their main threads while TaskManagers register
 * and are lost; no call blocks.
 */
public interface SlotProvider {
  /**
   * Lends {@code count} free slots to job {@code jobId}, spread evenly over the TaskManagers.
   *
   * @throws IllegalStateException if fewer than {@code count} slots are free
   */
  List<Slot> allocateSlots(String jobId, int count);

  /** Whether {@code slot} is lent to job {@code jobId} (its TaskManager was not lost since). */
  boolean isAllocated(String jobId, Slot slot);

  /** Gives back every slot job {@code jobId} holds. */
  void releaseSlots(String jobId);

  /** The number of slots lent to no job. */
  int getFreeSlots();
}
