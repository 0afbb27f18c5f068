package io.eddy.runtime.network.input;

import io.eddy.runtime.network.buffer.Buffer;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * All input channels of one consumer subtask. Channels that received data queue themselves here;
 * the task polls buffers from them in turn and waits on {@link #getAvailableFuture()} when none has
 * data, so an idle task costs nothing.
 */
public final class InputGate {
  private final List<InputChannel> channels;
  private final ArrayDeque<Integer> channelsWithData = new ArrayDeque<>();
  private final boolean[] queued;

  /** Channels held back while the task aligns a checkpoint's barriers (task thread writes). */
  private final boolean[] blocked;

  /** Blocked channels that had data when they were skipped; queued again on unblock. */
  private final boolean[] skippedWithData;

  private CompletableFuture<Void> availableFuture = new CompletableFuture<>();

  /** Channels that reported a priority event not yet taken (guarded by channelsWithData). */
  private final ArrayDeque<Integer> priorityChannels = new ArrayDeque<>();

  private volatile Runnable priorityListener = () -> {};

  public InputGate(List<InputChannel> channels) {
    this.channels = List.copyOf(channels);
    this.queued = new boolean[channels.size()];
    this.blocked = new boolean[channels.size()];
    this.skippedWithData = new boolean[channels.size()];
  }

  public void start() {
    for (int i = 0; i < channels.size(); i++) {
      channels.get(i).start(this, i);
    }
  }

  public int getNumberOfChannels() {
    return channels.size();
  }

  /** The next buffer of some channel with data, or null if none has data now. Task thread. */
  public BufferAndChannel pollNext() {
    while (true) {
      int channel;
      synchronized (channelsWithData) {
        Integer next = channelsWithData.poll();
        if (next == null) {
          if (availableFuture.isDone()) {
            availableFuture = new CompletableFuture<>();
          }
          return null;
        }
        channel = next;
        queued[channel] = false;
        if (blocked[channel]) {
          skippedWithData[channel] = true; // polled again once the alignment ends
          continue;
        }
      }
      Buffer buffer = channels.get(channel).poll();
      if (buffer != null) {
        // The channel may hold more: queue it again behind the others (fairness).
        notifyChannelNonEmpty(channel);
        return new BufferAndChannel(buffer, channel);
      }
    }
  }

  /**
   * Holds {@code channel} back: {@link #pollNext()} returns none of its buffers until {@link
   * #unblockAll()}. Used to align checkpoint barriers. Task thread.
   */
  public void blockChannel(int channel) {
    synchronized (channelsWithData) {
      blocked[channel] = true;
    }
  }

  /** Lets every blocked channel be read again. Task thread. */
  public void unblockAll() {
    for (int channel = 0; channel < blocked.length; channel++) {
      boolean requeue;
      synchronized (channelsWithData) {
        requeue = blocked[channel] && skippedWithData[channel];
        blocked[channel] = false;
        skippedWithData[channel] = false;
      }
      if (requeue) {
        notifyChannelNonEmpty(channel);
      }
    }
  }

  /**
   * Who is told (on the producer's thread) that a priority event arrived: the task posts a mail
   * that takes it even while its default action waits for output buffers.
   */
  public void setPriorityListener(Runnable listener) {
    this.priorityListener = listener;
  }

  /** Called by a channel (on the producer's or network thread) when a priority event arrived. */
  public void notifyPriorityEvent(int channel) {
    synchronized (channelsWithData) {
      priorityChannels.add(channel);
    }
    priorityListener.run();
  }

  /**
   * The next priority event of any channel, or null if none is waiting (a normal poll may have
   * taken it already: priority events come first there too). Task thread.
   */
  public BufferAndChannel pollPriorityEvent() {
    while (true) {
      int channel;
      synchronized (channelsWithData) {
        Integer next = priorityChannels.poll();
        if (next == null) {
          return null;
        }
        channel = next;
      }
      Buffer event = channels.get(channel).pollPriorityEvent();
      if (event != null) {
        return new BufferAndChannel(event, channel);
      }
    }
  }

  /** Called by a channel (on the producer's or network thread) when it has data. */
  public void notifyChannelNonEmpty(int channel) {
    CompletableFuture<Void> toComplete = null;
    synchronized (channelsWithData) {
      if (blocked[channel]) {
        skippedWithData[channel] = true;
        return;
      }
      if (!queued[channel]) {
        queued[channel] = true;
        channelsWithData.add(channel);
        if (!availableFuture.isDone()) {
          toComplete = availableFuture;
        }
      }
    }
    if (toComplete != null) {
      toComplete.complete(null);
    }
  }

  /** Completes when {@link #pollNext()} may return a buffer. */
  public CompletableFuture<Void> getAvailableFuture() {
    synchronized (channelsWithData) {
      if (!channelsWithData.isEmpty()) {
        return CompletableFuture.completedFuture(null);
      }
      if (availableFuture.isDone()) {
        availableFuture = new CompletableFuture<>();
      }
      return availableFuture;
    }
  }

  /** See {@link InputChannel#overtakenBy}. Task thread. */
  public List<byte[]> overtakenBy(int channel, Buffer priorityEvent) {
    return channels.get(channel).overtakenBy(priorityEvent);
  }

  public void release() {
    for (InputChannel c : channels) {
      c.release();
    }
  }

  /** A buffer and the index of the channel it came from. */
  public record BufferAndChannel(Buffer buffer, int channel) {}
}
