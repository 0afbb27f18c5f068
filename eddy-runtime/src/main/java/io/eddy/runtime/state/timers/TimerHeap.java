package io.eddy.runtime.state.timers;

import java.util.Arrays;

/**
 * A binary min-heap of timers by timestamp. Each timer stores its index, so removing any timer is
 * O(log n). Not thread safe (task thread only).
 */
final class TimerHeap<K> {
  private InternalTimer<K>[] heap;
  private int size;

  @SuppressWarnings("unchecked")
  TimerHeap() {
    heap = new InternalTimer[16];
  }

  int size() {
    return size;
  }

  InternalTimer<K> peek() {
    return size == 0 ? null : heap[0];
  }

  void add(InternalTimer<K> timer) {
    if (size == heap.length) {
      heap = Arrays.copyOf(heap, size * 2);
    }
    heap[size] = timer;
    timer.heapIndex = size;
    size++;
    siftUp(size - 1);
  }

  InternalTimer<K> poll() {
    if (size == 0) {
      return null;
    }
    InternalTimer<K> head = heap[0];
    removeAt(0);
    return head;
  }

  void remove(InternalTimer<K> timer) {
    int i = timer.heapIndex;
    if (i < 0 || i >= size || heap[i] != timer) {
      throw new IllegalStateException("Timer " + timer + " is not in this heap.");
    }
    removeAt(i);
  }

  private void removeAt(int i) {
    InternalTimer<K> removed = heap[i];
    size--;
    if (i != size) {
      heap[i] = heap[size];
      heap[i].heapIndex = i;
      heap[size] = null;
      siftDown(i);
      siftUp(i);
    } else {
      heap[size] = null;
    }
    removed.heapIndex = -1;
  }

  private void siftUp(int i) {
    InternalTimer<K> t = heap[i];
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (heap[parent].getTimestamp() <= t.getTimestamp()) {
        break;
      }
      heap[i] = heap[parent];
      heap[i].heapIndex = i;
      i = parent;
    }
    heap[i] = t;
    t.heapIndex = i;
  }

  private void siftDown(int i) {
    InternalTimer<K> t = heap[i];
    int half = size >>> 1;
    while (i < half) {
      int child = 2 * i + 1;
      int right = child + 1;
      if (right < size && heap[right].getTimestamp() < heap[child].getTimestamp()) {
        child = right;
      }
      if (t.getTimestamp() <= heap[child].getTimestamp()) {
        break;
      }
      heap[i] = heap[child];
      heap[i].heapIndex = i;
      i = child;
    }
    heap[i] = t;
    t.heapIndex = i;
  }
}
