package io.eddy.runtime.rpc.grpc;

import com.google.protobuf.ByteString;
import io.eddy.runtime.gateway.OperatorEvent;
import io.eddy.runtime.rpc.proto.KeyGroupRange;
import io.eddy.runtime.snapshot.SnapshotType;
import io.eddy.runtime.snapshot.StateFileHandle;
import java.util.List;

/** {@link OperatorEvent}, {@link SnapshotType} and {@link StateFileHandle} ↔ Protobuf. */
public final class EventCodec {
  private EventCodec() {}

  public static io.eddy.runtime.rpc.proto.OperatorEvent toProto(OperatorEvent event) {
    var b = io.eddy.runtime.rpc.proto.OperatorEvent.newBuilder();
    if (event instanceof OperatorEvent.ReaderRegistration r) {
      b.setReaderRegistration(
          io.eddy.runtime.rpc.proto.OperatorEvent.ReaderRegistration.newBuilder()
              .setSubtask(r.subtask()));
    } else if (event instanceof OperatorEvent.SplitRequest r) {
      b.setSplitRequest(
          io.eddy.runtime.rpc.proto.OperatorEvent.SplitRequest.newBuilder()
              .setSubtask(r.subtask()));
    } else if (event instanceof OperatorEvent.AddSplits a) {
      var splits =
          io.eddy.runtime.rpc.proto.OperatorEvent.AddSplits.newBuilder().setVersion(a.version());
      a.splits().forEach(s -> splits.addSplits(ByteString.copyFrom(s)));
      b.setAddSplits(splits);
    } else if (event instanceof OperatorEvent.NoMoreSplits) {
      b.setNoMoreSplits(io.eddy.runtime.rpc.proto.OperatorEvent.NoMoreSplits.getDefaultInstance());
    } else {
      throw new IllegalArgumentException("Unknown operator event " + event);
    }
    return b.build();
  }

  public static OperatorEvent fromProto(io.eddy.runtime.rpc.proto.OperatorEvent p) {
    return switch (p.getEventCase()) {
      case READER_REGISTRATION ->
          new OperatorEvent.ReaderRegistration(p.getReaderRegistration().getSubtask());
      case SPLIT_REQUEST -> new OperatorEvent.SplitRequest(p.getSplitRequest().getSubtask());
      case ADD_SPLITS -> {
        List<byte[]> splits =
            p.getAddSplits().getSplitsList().stream().map(ByteString::toByteArray).toList();
        yield new OperatorEvent.AddSplits(p.getAddSplits().getVersion(), splits);
      }
      case NO_MORE_SPLITS -> new OperatorEvent.NoMoreSplits();
      case EVENT_NOT_SET -> throw new IllegalArgumentException("Operator event without content");
    };
  }

  public static io.eddy.runtime.rpc.proto.SnapshotType toProto(SnapshotType type) {
    return io.eddy.runtime.rpc.proto.SnapshotType.forNumber(type.ordinal() + 1);
  }

  public static SnapshotType fromProto(io.eddy.runtime.rpc.proto.SnapshotType p) {
    if (p == io.eddy.runtime.rpc.proto.SnapshotType.SNAPSHOT_TYPE_UNSPECIFIED
        || p == io.eddy.runtime.rpc.proto.SnapshotType.UNRECOGNIZED) {
      throw new IllegalArgumentException("Unknown snapshot type " + p);
    }
    return SnapshotType.fromOrdinal(p.getNumber() - 1);
  }

  public static io.eddy.runtime.rpc.proto.StateFileHandle toProto(StateFileHandle h) {
    var builder =
        io.eddy.runtime.rpc.proto.StateFileHandle.newBuilder()
            .setOperatorId(h.operatorId())
            .setSubtaskIndex(h.subtaskIndex())
            .setFileName(h.fileName())
            .setKeyGroupRange(
                KeyGroupRange.newBuilder()
                    .setStart(h.keyGroupRange().start())
                    .setEnd(h.keyGroupRange().end()));
    if (h.isInline()) {
      builder.setInlineData(ByteString.copyFrom(h.inlineData()));
    }
    if (h.location() != null) {
      builder.setLocation(h.location());
    }
    return builder.build();
  }

  /** Validates like the record does: a file name with a directory part is rejected. */
  public static StateFileHandle fromProto(io.eddy.runtime.rpc.proto.StateFileHandle p) {
    return new StateFileHandle(
        p.getOperatorId(),
        p.getSubtaskIndex(),
        p.getFileName(),
        new io.eddy.runtime.snapshot.KeyGroupRange(
            p.getKeyGroupRange().getStart(), p.getKeyGroupRange().getEnd()),
        p.hasInlineData() ? p.getInlineData().toByteArray() : null,
        p.hasLocation() ? p.getLocation() : null);
  }
}
