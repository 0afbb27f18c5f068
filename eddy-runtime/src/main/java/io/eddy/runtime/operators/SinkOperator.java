package io.eddy.runtime.operators;

import io.eddy.api.connector.sink.Sink;
import io.eddy.api.connector.sink.SinkWriter;
import io.eddy.api.connector.sink.WriterInitContext;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;

/** Writes records with a {@link Sink}'s writer; flushes it at the end of input. */
public final class SinkOperator<T> extends AbstractStreamOperator<Void>
    implements OneInputStreamOperator<T, Void> {
  private final Sink<T> sink;
  private SinkWriter<T> writer;
  private final SinkWriterContext context = new SinkWriterContext();

  public SinkOperator(Sink<T> sink) {
    this.sink = sink;
  }

  @Override
  public void open() throws Exception {
    var rc = setup.runtimeContext();
    try {
      writer =
          sink.createWriter(
              new WriterInitContext() {
                @Override
                public int getSubtaskId() {
                  return rc.getIndexOfThisSubtask();
                }

                @Override
                public int getNumberOfParallelSubtasks() {
                  return rc.getNumberOfParallelSubtasks();
                }

                @Override
                public int getAttemptNumber() {
                  return rc.getAttemptNumber();
                }

                @Override
                public String getJobName() {
                  return rc.getJobName();
                }
              });
    } catch (Exception e) {
      throw userError(e);
    }
  }

  @Override
  public void processElement(StreamRecord<T> record) {
    context.record = record;
    try {
      writer.write(record.getValue(), context);
    } catch (Exception e) {
      throw userError(e);
    }
  }

  @Override
  public void processWatermark(WatermarkElement watermark) {
    context.watermark = watermark.getTimestamp();
  }

  @Override
  public void finish() throws Exception {
    writer.flush(true);
  }

  @Override
  public void close() throws Exception {
    if (writer != null) {
      writer.close();
    }
  }
}
