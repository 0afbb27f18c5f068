package io.eddy.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.runtime.keygroup.KeyGroupRangeAssignment;
import io.eddy.runtime.network.partitioner.BroadcastPartitioner;
import io.eddy.runtime.network.partitioner.CustomPartitionerWrapper;
import io.eddy.runtime.network.partitioner.ForwardPartitioner;
import io.eddy.runtime.network.partitioner.GlobalPartitioner;
import io.eddy.runtime.network.partitioner.KeyGroupStreamPartitioner;
import io.eddy.runtime.network.partitioner.RebalancePartitioner;
import io.eddy.runtime.network.partitioner.RescalePartitioner;
import io.eddy.runtime.network.partitioner.ShufflePartitioner;
import io.eddy.runtime.network.partitioner.StreamPartitioner;
import io.eddy.runtime.snapshot.KeyGroupRange;
import io.eddy.runtime.streamrecord.StreamRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Each partitioner's defining property. */
class PartitionerTest {

  private static <T> int[] histogram(StreamPartitioner<T> p, int channels, Iterable<T> values) {
    p.setup(channels);
    int[] counts = new int[channels];
    for (T v : values) {
      counts[p.selectChannel(new StreamRecord<>(v))]++;
    }
    return counts;
  }

  private static Iterable<Long> range(long n) {
    return () -> LongStream.range(0, n).boxed().iterator();
  }

  @Test
  void forwardKeepsTheSubtask() {
    assertThat(new ForwardPartitioner<>().isPointwise()).isTrue();
    assertThat(histogram(new ForwardPartitioner<Long>(), 1, range(100))).containsExactly(100);
  }

  @Test
  void rebalanceSpreadsEvenly() {
    int[] counts = histogram(new RebalancePartitioner<Long>(), 4, range(1001));
    for (int c : counts) {
      assertThat(c).isBetween(250, 251);
    }
  }

  @Test
  void rescaleRoundRobinsWithinItsGroup() {
    assertThat(new RescalePartitioner<>().isPointwise()).isTrue();
    assertThat(histogram(new RescalePartitioner<Long>(), 3, range(9))).containsExactly(3, 3, 3);
  }

  @Test
  void broadcastReachesAll() {
    assertThat(new BroadcastPartitioner<>().isBroadcast()).isTrue();
  }

  @Test
  void globalSendsEverythingToTheFirstSubtask() {
    assertThat(histogram(new GlobalPartitioner<Long>(), 3, range(10))).containsExactly(10, 0, 0);
  }

  @Test
  void shuffleUsesEveryChannel() {
    int[] counts = histogram(new ShufflePartitioner<Long>(), 4, range(4000));
    for (int c : counts) {
      assertThat(c).isGreaterThan(800);
    }
  }

  @Test
  void keyBySendsEachKeyToTheSubtaskOwningItsKeyGroup() {
    int maxParallelism = 128;
    int parallelism = 3;
    KeyGroupStreamPartitioner<String, String> p =
        new KeyGroupStreamPartitioner<>(s -> s.split(":")[0], maxParallelism);
    p.setup(parallelism);
    Map<String, Integer> subtaskOfKey = new HashMap<>();
    for (int i = 0; i < 5000; i++) {
      String key = "k" + (i % 97);
      int channel = p.selectChannel(new StreamRecord<>(key + ":" + i));
      Integer before = subtaskOfKey.putIfAbsent(key, channel);
      assertThat(before == null || before == channel)
          .as("every record of %s on one subtask", key)
          .isTrue();
      int keyGroup = KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism);
      assertThat(channel).isEqualTo(keyGroup * parallelism / maxParallelism);
      KeyGroupRange range =
          KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(
              maxParallelism, parallelism, channel);
      assertThat(range.contains(keyGroup)).isTrue();
    }
    assertThat(subtaskOfKey.values()).contains(0, 1, 2);
  }

  @Test
  void keyGroupRangesPartitionAllKeyGroups() {
    for (int parallelism = 1; parallelism <= 10; parallelism++) {
      int next = 0;
      for (int i = 0; i < parallelism; i++) {
        KeyGroupRange r =
            KeyGroupRangeAssignment.computeKeyGroupRangeForOperatorIndex(128, parallelism, i);
        assertThat(r.start()).isEqualTo(next);
        for (int kg = r.start(); kg <= r.end(); kg++) {
          assertThat(KeyGroupRangeAssignment.computeOperatorIndexForKeyGroup(128, parallelism, kg))
              .isEqualTo(i);
        }
        next = r.end() + 1;
      }
      assertThat(next).isEqualTo(128);
    }
  }

  @Test
  void customPartitionerOutOfRangeIsAClearError() {
    CustomPartitionerWrapper<Long, Long> p = new CustomPartitionerWrapper<>((k, n) -> 7, v -> v);
    p.setup(2);
    assertThatThrownBy(() -> p.selectChannel(new StreamRecord<>(1L)))
        .hasMessageContaining("returned channel 7, but only 0..1 exist");
  }
}
