package io.eddy.connector.file.sink;

import io.eddy.api.connector.sink.SinkWriter;
import io.eddy.api.connector.sink.WriterInitContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A writer context with a manual clock; {@link #advanceTo} fires the due timers in order. */
final class TestWriterContext implements WriterInitContext {
  private final int subtask;
  private final int parallelism;
  private final TreeMap<Long, List<ProcessingTimeCallback>> timers = new TreeMap<>();
  long now;

  TestWriterContext(int subtask, int parallelism) {
    this.subtask = subtask;
    this.parallelism = parallelism;
  }

  static final SinkWriter.Context RECORD =
      new SinkWriter.Context() {
        @Override
        public Long timestamp() {
          return null;
        }

        @Override
        public long currentWatermark() {
          return Long.MIN_VALUE;
        }
      };

  void advanceTo(long time) throws Exception {
    while (!timers.isEmpty() && timers.firstKey() <= time) {
      Map.Entry<Long, List<ProcessingTimeCallback>> due = timers.pollFirstEntry();
      now = due.getKey();
      for (ProcessingTimeCallback cb : due.getValue()) {
        cb.onProcessingTime(due.getKey());
      }
    }
    now = time;
  }

  @Override
  public int getSubtaskId() {
    return subtask;
  }

  @Override
  public int getNumberOfParallelSubtasks() {
    return parallelism;
  }

  @Override
  public int getAttemptNumber() {
    return 0;
  }

  @Override
  public String getJobName() {
    return "test";
  }

  @Override
  public long currentProcessingTime() {
    return now;
  }

  @Override
  public void registerProcessingTimer(long timeMillis, ProcessingTimeCallback callback) {
    timers.computeIfAbsent(timeMillis, t -> new ArrayList<>()).add(callback);
  }
}
