package io.eddy.runtime.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Which producer subtasks feed which consumer subtasks on an edge, and through which subpartition.
 * All-to-all: every producer has one subpartition per consumer. Pointwise: with equal parallelism
 * subtask i feeds subtask i; otherwise producers and consumers are grouped in contiguous ranges
 * (fan-in or fan-out), as {@code rescale()} promises.
 */
public final class EdgeConnections {
  private final int producers;
  private final int consumers;
  private final boolean pointwise;

  public EdgeConnections(int producers, int consumers, boolean pointwise) {
    this.producers = producers;
    this.consumers = consumers;
    this.pointwise = pointwise;
  }

  /** Number of subpartitions of producer {@code p}. */
  public int subpartitions(int p) {
    if (!pointwise) {
      return consumers;
    }
    if (producers >= consumers) {
      return 1;
    }
    return consumersOf(p).size();
  }

  /** One channel of a consumer: from producer subtask, its subpartition. */
  public record Channel(int producer, int subpartition) {}

  /** The channels consumer {@code c} reads, ordered by producer. */
  public List<Channel> channelsOf(int c) {
    List<Channel> channels = new ArrayList<>();
    for (int p = 0; p < producers; p++) {
      if (!pointwise) {
        channels.add(new Channel(p, c));
      } else if (producers >= consumers) {
        if ((long) p * consumers / producers == c) {
          channels.add(new Channel(p, 0));
        }
      } else {
        List<Integer> targets = consumersOf(p);
        int idx = targets.indexOf(c);
        if (idx >= 0) {
          channels.add(new Channel(p, idx));
        }
      }
    }
    return channels;
  }

  private List<Integer> consumersOf(int p) {
    List<Integer> result = new ArrayList<>();
    for (int c = 0; c < consumers; c++) {
      if ((long) c * producers / consumers == p) {
        result.add(c);
      }
    }
    return result;
  }
}
