package io.eddy.runtime.operators;

import io.eddy.api.datastream.OutputTag;
import io.eddy.runtime.network.api.RecordWriter;
import io.eddy.runtime.streamrecord.StreamRecord;
import io.eddy.runtime.streamrecord.WatermarkElement;
import io.eddy.runtime.streamrecord.WatermarkStatus;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Serializes the main output, or one side output, into a network {@link RecordWriter}. */
public final class RecordWriterOutput<T> implements Output<T> {
  private final RecordWriter<T> writer;
  private final OutputTag<?> tag;

  public RecordWriterOutput(RecordWriter<T> writer, OutputTag<?> tag) {
    this.writer = writer;
    this.tag = tag;
  }

  @Override
  public void collect(StreamRecord<T> record) {
    if (tag == null) {
      emit(record);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {
    if (outputTag.equals(tag)) {
      emit((StreamRecord<T>) record);
    }
  }

  private void emit(StreamRecord<T> record) {
    try {
      writer.emit(record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskInterruptedException();
    }
  }

  @Override
  public void emitWatermark(WatermarkElement watermark) {
    try {
      writer.broadcastWatermark(watermark);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskInterruptedException();
    }
  }

  @Override
  public void emitWatermarkStatus(WatermarkStatus status) {
    try {
      writer.broadcastWatermarkStatus(status);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskInterruptedException();
    }
  }
}
