package io.eddy.runtime.cluster;

import io.eddy.runtime.gateway.Slot;
import io.eddy.runtime.gateway.TaskExecutorGateway;
import io.eddy.runtime.gateway.TaskManagerInfo;
import io.eddy.runtime.scheduler.SlotProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Knows the TaskManagers and their free slots, and lends slots to jobs spread evenly: each slot
 * goes to the TaskManager with the most free slots, so no TaskManager gets more than its share
 * while others have room. Thread-safe.
 */
public final class ResourceManager implements SlotProvider {
  /** Told when TaskManagers come and go; called outside the resource manager's lock. */
  public interface Listener {
    /** {@code taskManager} registered: jobs waiting for slots may try again. */
    default void taskManagerRegistered(TaskExecutorGateway taskManager) {}

    /** {@code taskManager} is gone (process died, unreachable): its tasks are lost. */
    void taskManagerLost(TaskExecutorGateway taskManager, String reason);
  }

  private final Map<TaskExecutorGateway, boolean[]> slots = new LinkedHashMap<>();
  private final Map<String, List<Slot>> allocations = new HashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  public void registerTaskManager(TaskExecutorGateway taskManager, int numberOfSlots) {
    synchronized (this) {
      slots.put(taskManager, new boolean[numberOfSlots]);
    }
    listeners.forEach(l -> l.taskManagerRegistered(taskManager));
  }

  /**
   * Forgets a TaskManager that died or became unreachable: its slots are no longer lent, and every
   * listener (the JobMasters) learns that the tasks there are lost. Unknown TaskManagers are
   * ignored.
   */
  public void removeTaskManager(TaskExecutorGateway taskManager, String reason) {
    synchronized (this) {
      if (slots.remove(taskManager) == null) {
        return;
      }
      allocations.values().forEach(lent -> lent.removeIf(s -> s.taskManager() == taskManager));
    }
    listeners.forEach(l -> l.taskManagerLost(taskManager, reason));
  }

  public synchronized int getNumberOfTaskManagers() {
    return slots.size();
  }

  public synchronized int getTotalSlots() {
    return slots.values().stream().mapToInt(s -> s.length).sum();
  }

  @Override
  public synchronized int getFreeSlots() {
    int free = 0;
    for (boolean[] used : slots.values()) {
      for (boolean u : used) {
        free += u ? 0 : 1;
      }
    }
    return free;
  }

  /** Every TaskManager with its slots, in registration order. */
  public synchronized List<TaskManagerInfo> getTaskManagers() {
    List<TaskManagerInfo> infos = new ArrayList<>();
    for (Map.Entry<TaskExecutorGateway, boolean[]> e : slots.entrySet()) {
      int free = 0;
      for (boolean u : e.getValue()) {
        free += u ? 0 : 1;
      }
      infos.add(new TaskManagerInfo(e.getKey().getLocation(), e.getValue().length, free));
    }
    return infos;
  }

  /**
   * Lends {@code count} slots to a job (more, if it has some already: a restart of some of its
   * subtasks whose TaskManager was lost), or fails with a message saying what is missing.
   */
  @Override
  public synchronized List<Slot> allocateSlots(String jobId, int count) {
    int free = getFreeSlots();
    if (free < count) {
      throw new IllegalStateException(
          "The job needs "
              + count
              + " slots but the cluster has only "
              + free
              + " free ("
              + slots.size()
              + " TaskManagers, "
              + getTotalSlots()
              + " slots in all): lower the job's parallelism, or add TaskManagers or slots.");
    }
    List<Slot> result = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      TaskExecutorGateway best = null;
      int bestFree = -1;
      for (Map.Entry<TaskExecutorGateway, boolean[]> e : slots.entrySet()) {
        int f = 0;
        for (boolean u : e.getValue()) {
          f += u ? 0 : 1;
        }
        if (f > bestFree) {
          best = e.getKey();
          bestFree = f;
        }
      }
      boolean[] used = slots.get(best);
      for (int s = 0; s < used.length; s++) {
        if (!used[s]) {
          used[s] = true;
          result.add(new Slot(best, s));
          break;
        }
      }
    }
    allocations.computeIfAbsent(jobId, k -> new ArrayList<>()).addAll(result);
    return result;
  }

  /**
   * Whether {@code slot} is still lent to the job: false once its TaskManager was lost (or the
   * job's slots were released).
   */
  @Override
  public synchronized boolean isAllocated(String jobId, Slot slot) {
    List<Slot> lent = allocations.get(jobId);
    return lent != null && lent.contains(slot);
  }

  @Override
  public synchronized void releaseSlots(String jobId) {
    List<Slot> lent = allocations.remove(jobId);
    if (lent != null) {
      for (Slot slot : lent) {
        boolean[] used = slots.get(slot.taskManager());
        if (used != null) {
          used[slot.index()] = false;
        }
      }
    }
  }
}
