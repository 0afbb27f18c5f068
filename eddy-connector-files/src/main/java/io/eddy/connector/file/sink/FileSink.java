package io.eddy.connector.file.sink;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.common.io.SimpleVersionedSerializer;
import io.eddy.api.common.serialization.BulkWriter;
import io.eddy.api.common.serialization.Encoder;
import io.eddy.api.connector.sink.Committer;
import io.eddy.api.connector.sink.Sink;
import io.eddy.api.connector.sink.StatefulSinkWriter;
import io.eddy.api.connector.sink.SupportsCommitter;
import io.eddy.api.connector.sink.SupportsWriterState;
import io.eddy.api.connector.sink.WriterInitContext;
import io.eddy.api.fs.FileStatus;
import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.FileSystems;
import io.eddy.api.fs.RecoverableWriter;
import io.eddy.connector.file.sink.bucketassigners.DateTimeBucketAssigner;
import io.eddy.connector.file.sink.rollingpolicies.DefaultRollingPolicy;
import io.eddy.connector.file.sink.rollingpolicies.OnCheckpointRollingPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes a stream into part files under a base directory, exactly once with checkpointing:
 *
 * <pre>{@code
 * stream.sinkTo(
 *     FileSink.forRowFormat("s3://bucket/out", new SimpleStringEncoder<String>())
 *         .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(1 << 20).build())
 *         .build());
 * }</pre>
 *
 * The base is a location of any {@link FileSystem} ({@code s3://}, {@code hdfs://}, {@code file:}
 * or a path). Each subtask writes in-progress part files into bucket directories (by default one
 * per hour of processing time) through the file system's {@link RecoverableWriter}: hidden files
 * renamed on commit, or on an object store multipart uploads completed on commit. A rolled file
 * becomes visible once the next checkpoint completes, so readers never see data a failure could
 * take back. Without checkpointing, files stay in progress. A plain base path is made absolute when
 * the sink is built: client and TaskManagers must then see the same file system.
 */
@PublicEvolving
public final class FileSink<IN>
    implements Sink<IN>,
        SupportsCommitter<FileSinkCommittable>,
        SupportsWriterState<IN, FileWriterBucketState> {
  private static final long serialVersionUID = 1L;
  public static final long DEFAULT_BUCKET_CHECK_INTERVAL_MS = 60_000;

  private final String basePath; // a location of any file system
  private final Encoder<IN> encoder; // row format, or null
  private final BulkWriter.Factory<IN> bulkWriterFactory; // bulk format, or null
  private final BucketAssigner<IN, String> bucketAssigner;
  private final RollingPolicy<IN, String> rollingPolicy;
  private final OutputFileConfig outputFileConfig;
  private final long bucketCheckInterval;

  private FileSink(Builder<IN, ?> b) {
    this.basePath = FileSystems.absolute(b.basePath);
    this.encoder = b.encoder;
    this.bulkWriterFactory = b.bulkWriterFactory;
    this.bucketAssigner = b.bucketAssigner;
    this.rollingPolicy = b.rollingPolicy;
    this.outputFileConfig = b.outputFileConfig;
    this.bucketCheckInterval = b.bucketCheckInterval;
  }

  /** A sink that encodes each record on its own (text lines, say), under a local path. */
  public static <IN> RowFormatBuilder<IN> forRowFormat(Path basePath, Encoder<IN> encoder) {
    return forRowFormat(basePath == null ? null : basePath.toString(), encoder);
  }

  /**
   * A sink that encodes each record on its own, under a location of any file system ({@code
   * s3://bucket/out}, {@code hdfs://namenode/out}, a path).
   */
  public static <IN> RowFormatBuilder<IN> forRowFormat(String basePath, Encoder<IN> encoder) {
    if (encoder == null) {
      throw new IllegalArgumentException("The encoder of a row-format file sink must not be null.");
    }
    return new RowFormatBuilder<>(basePath, encoder);
  }

  /** A sink that writes records in a bulk format under a local path; see the String form. */
  public static <IN> BulkFormatBuilder<IN> forBulkFormat(
      Path basePath, BulkWriter.Factory<IN> factory) {
    return forBulkFormat(basePath == null ? null : basePath.toString(), factory);
  }

  /**
   * A sink that writes records in a bulk format under a location of any file system; part files
   * roll at every checkpoint.
   */
  public static <IN> BulkFormatBuilder<IN> forBulkFormat(
      String basePath, BulkWriter.Factory<IN> factory) {
    if (factory == null) {
      throw new IllegalArgumentException("The bulk writer factory must not be null.");
    }
    return new BulkFormatBuilder<>(basePath, factory);
  }

  @Override
  public StatefulSinkWriter<IN, FileWriterBucketState> createWriter(WriterInitContext context)
      throws IOException {
    FileSystem fs = FileSystems.get(basePath);
    if (fs.status(basePath).map(s -> !s.directory()).orElse(false)) {
      throw new IOException("The file sink's base path is not a directory: " + basePath);
    }
    fs.mkdirs(basePath);
    return new FileWriter<>(this, context);
  }

  @Override
  public StatefulSinkWriter<IN, FileWriterBucketState> restoreWriter(
      WriterInitContext context, Collection<FileWriterBucketState> recoveredStates)
      throws IOException {
    FileWriter<IN> writer = (FileWriter<IN>) createWriter(context);
    try {
      writer.restore(recoveredStates);
    } catch (IOException | RuntimeException e) {
      writer.close();
      throw e;
    }
    return writer;
  }

  /**
   * Deletes the in-progress files a failed attempt wrote after the checkpoint: those that no
   * restored state or committable refers to. Subtask i handles the files named with old subtask
   * index j where j % parallelism == i, so every old index has exactly one cleaner even after a
   * rescale, and since every subtask knows all references, none deletes a file another restores.
   * Walks the whole base directory tree once per subtask and restore — only where in-progress files
   * are files (file systems with rename); an object store's open uploads are invisible and left to
   * the bucket's lifecycle rule for incomplete uploads.
   */
  @Override
  public void cleanUpAfterRestore(
      WriterInitContext context,
      Collection<FileWriterBucketState> allWriterStates,
      Collection<?> allCommittables)
      throws IOException {
    FileSystem fs = FileSystems.get(basePath);
    if (!fs.hasAtomicRename()) {
      return;
    }
    RecoverableWriter writer = fs.createRecoverableWriter();
    Set<String> referenced = new HashSet<>();
    for (FileWriterBucketState state : allWriterStates) {
      referenced.add(writer.inProgressLocation(state.resumeToken()));
    }
    for (Object c : allCommittables) {
      referenced.add(writer.inProgressLocation(((FileSinkCommittable) c).commitToken()));
    }
    PartFileNames names = new PartFileNames(outputFileConfig, null);
    int parallelism = context.getNumberOfParallelSubtasks();
    List<String> orphans = new ArrayList<>();
    walk(fs, basePath, orphans);
    for (String orphan : orphans) {
      int owner = names.inProgressSubtask(orphan.substring(orphan.lastIndexOf('/') + 1));
      if (owner >= 0
          && owner % parallelism == context.getSubtaskId()
          && !referenced.contains(orphan)) { // both in the base path's form
        fs.delete(orphan, false);
      }
    }
  }

  /** Every file under {@code dir}, depth first. */
  private static void walk(FileSystem fs, String dir, List<String> files) throws IOException {
    for (FileStatus entry : fs.list(dir)) {
      if (entry.directory()) {
        walk(fs, entry.path(), files);
      } else {
        files.add(entry.path());
      }
    }
  }

  @Override
  public Committer<FileSinkCommittable> createCommitter() {
    return new FileCommitter();
  }

  @Override
  public SimpleVersionedSerializer<FileSinkCommittable> getCommittableSerializer() {
    return new FileSinkCommittable.Serializer();
  }

  @Override
  public SimpleVersionedSerializer<FileWriterBucketState> getWriterStateSerializer() {
    return new FileWriterBucketState.Serializer();
  }

  String basePath() {
    return basePath;
  }

  boolean isBulk() {
    return bulkWriterFactory != null;
  }

  Encoder<IN> encoder() {
    return encoder;
  }

  BulkWriter.Factory<IN> bulkWriterFactory() {
    return bulkWriterFactory;
  }

  BucketAssigner<IN, String> bucketAssigner() {
    return bucketAssigner;
  }

  RollingPolicy<IN, String> rollingPolicy() {
    return rollingPolicy;
  }

  OutputFileConfig outputFileConfig() {
    return outputFileConfig;
  }

  long bucketCheckInterval() {
    return bucketCheckInterval;
  }

  /** Settings shared by both formats. */
  @SuppressWarnings("unchecked")
  public abstract static class Builder<IN, SELF extends Builder<IN, SELF>> {
    private final String basePath;
    private final Encoder<IN> encoder;
    private final BulkWriter.Factory<IN> bulkWriterFactory;
    private BucketAssigner<IN, String> bucketAssigner = new DateTimeBucketAssigner<>();
    RollingPolicy<IN, String> rollingPolicy;
    private OutputFileConfig outputFileConfig = OutputFileConfig.builder().build();
    private long bucketCheckInterval = DEFAULT_BUCKET_CHECK_INTERVAL_MS;

    Builder(String basePath, Encoder<IN> encoder, BulkWriter.Factory<IN> bulkWriterFactory) {
      if (basePath == null || basePath.isBlank()) {
        throw new IllegalArgumentException("The base path of a file sink must not be null.");
      }
      this.basePath = basePath;
      this.encoder = encoder;
      this.bulkWriterFactory = bulkWriterFactory;
    }

    /** Chooses each record's bucket directory (default: {@link DateTimeBucketAssigner}). */
    public SELF withBucketAssigner(BucketAssigner<IN, String> assigner) {
      if (assigner == null) {
        throw new IllegalArgumentException("The bucket assigner must not be null.");
      }
      this.bucketAssigner = assigner;
      return (SELF) this;
    }

    public SELF withOutputFileConfig(OutputFileConfig config) {
      if (config == null) {
        throw new IllegalArgumentException("The output file config must not be null.");
      }
      this.outputFileConfig = config;
      return (SELF) this;
    }

    /** How often time-based rolling is checked (default 60 s). */
    public SELF withBucketCheckInterval(long millis) {
      if (millis <= 0) {
        throw new IllegalArgumentException(
            "The bucket check interval must be more than 0 ms, but was " + millis + ".");
      }
      this.bucketCheckInterval = millis;
      return (SELF) this;
    }

    public FileSink<IN> build() {
      return new FileSink<>(this);
    }
  }

  /** Builds a row-format sink; default rolling policy: {@link DefaultRollingPolicy}. */
  public static final class RowFormatBuilder<IN> extends Builder<IN, RowFormatBuilder<IN>> {
    RowFormatBuilder(String basePath, Encoder<IN> encoder) {
      super(basePath, encoder, null);
      rollingPolicy = DefaultRollingPolicy.builder().build();
    }

    public RowFormatBuilder<IN> withRollingPolicy(RollingPolicy<IN, String> policy) {
      if (policy == null) {
        throw new IllegalArgumentException("The rolling policy must not be null.");
      }
      this.rollingPolicy = policy;
      return this;
    }
  }

  /** Builds a bulk-format sink: part files roll at every checkpoint, and only then. */
  public static final class BulkFormatBuilder<IN> extends Builder<IN, BulkFormatBuilder<IN>> {
    BulkFormatBuilder(String basePath, BulkWriter.Factory<IN> factory) {
      super(basePath, null, factory);
      rollingPolicy = OnCheckpointRollingPolicy.build();
    }
  }
}
