package io.eddy.connector.file.sink;

import io.eddy.api.connector.sink.CommittingSinkWriter;
import io.eddy.api.connector.sink.StatefulSinkWriter;
import io.eddy.api.connector.sink.WriterInitContext;
import io.eddy.api.fs.FileStatus;
import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.FileSystems;
import io.eddy.api.fs.RecoverableWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The writer of one {@link FileSink} subtask: one open part file per bucket. Rolled part files wait
 * in {@link #prepareCommit} for the checkpoint that makes them visible; open row-format part files
 * are synced at each checkpoint and recorded with their length, so that a restore continues them.
 * Task thread only.
 */
final class FileWriter<IN>
    implements CommittingSinkWriter<IN, FileSinkCommittable>,
        StatefulSinkWriter<IN, FileWriterBucketState> {
  private final FileSink<IN> sink;
  private final WriterInitContext context;
  private final String basePath;
  private final FileSystem fs;
  private final RecoverableWriter recoverableWriter;
  private final int subtask;
  private final PartFileNames names;
  private final Map<String, Bucket<IN>> buckets = new HashMap<>();
  private final List<FileSinkCommittable> pending = new ArrayList<>();
  private final AssignerContext assignerContext = new AssignerContext();
  private boolean closed;

  FileWriter(FileSink<IN> sink, WriterInitContext context) throws IOException {
    this.sink = sink;
    this.context = context;
    this.basePath = sink.basePath();
    this.fs = FileSystems.get(basePath);
    this.recoverableWriter = fs.createRecoverableWriter();
    this.subtask = context.getSubtaskId();
    this.names =
        new PartFileNames(
            sink.outputFileConfig(),
            // where open files cannot be listed, counters alone could repeat a name
            fs.hasAtomicRename() ? null : UUID.randomUUID().toString().substring(0, 8));
    if (!sink.isBulk()) {
      scheduleBucketCheck(context.currentProcessingTime());
    }
  }

  /** Continues the open part files of a checkpoint. */
  void restore(Collection<FileWriterBucketState> states) throws IOException {
    if (!states.isEmpty() && sink.isBulk()) {
      throw new IOException("A bulk-format file sink cannot resume in-progress part files.");
    }
    long now = context.currentProcessingTime();
    for (FileWriterBucketState state : states) {
      Bucket<IN> bucket = bucket(state.bucketId());
      if (bucket.part != null) {
        roll(bucket); // after a rescale two old subtasks' files may share a bucket
      }
      bucket.part = InProgressPartFile.resume(recoverableWriter, state, now, sink.encoder());
    }
  }

  @Override
  public void write(IN element, Context ctx) throws IOException {
    long now = context.currentProcessingTime();
    assignerContext.set(now, ctx);
    String bucketId = sink.bucketAssigner().getBucketId(element, assignerContext);
    Bucket<IN> bucket = bucket(bucketId);
    if (bucket.part != null && sink.rollingPolicy().shouldRollOnEvent(bucket.part, element)) {
      roll(bucket);
    }
    if (bucket.part == null) {
      long counter = bucket.nextCounter++;
      bucket.part =
          InProgressPartFile.create(
              recoverableWriter,
              bucketId,
              FileSystem.child(bucket.dir, names.finalName(subtask, counter)),
              now,
              sink.encoder(),
              sink.bulkWriterFactory());
    }
    bucket.part.write(element, now);
  }

  /**
   * At the end of input rolls every part file, so that the final checkpoint's {@link
   * #prepareCommit} hands over all data. Otherwise nothing: data becomes durable at checkpoints.
   */
  @Override
  public void flush(boolean endOfInput) throws IOException {
    if (endOfInput) {
      for (Bucket<IN> bucket : buckets.values()) {
        if (bucket.part != null) {
          roll(bucket);
        }
      }
    }
  }

  @Override
  public Collection<FileSinkCommittable> prepareCommit() throws IOException {
    Iterator<Bucket<IN>> it = buckets.values().iterator();
    while (it.hasNext()) {
      Bucket<IN> bucket = it.next();
      if (bucket.part != null
          && (bucket.part.isBulk() || sink.rollingPolicy().shouldRollOnCheckpoint(bucket.part))) {
        roll(bucket);
      }
      if (bucket.part == null) {
        it.remove(); // idle buckets (old hours, say) must not pile up; the counter is rescanned
      }
    }
    List<FileSinkCommittable> result = List.copyOf(pending);
    pending.clear();
    return result;
  }

  @Override
  public List<FileWriterBucketState> snapshotState(long checkpointId) throws IOException {
    List<FileWriterBucketState> states = new ArrayList<>();
    for (Bucket<IN> bucket : buckets.values()) {
      if (bucket.part != null) {
        states.add(bucket.part.persist());
      }
    }
    return states;
  }

  /** Rolls the part files the policy wants rolled by time; re-arms itself. */
  private void onBucketCheck(long time) throws IOException {
    if (closed) {
      return;
    }
    for (Bucket<IN> bucket : buckets.values()) {
      if (bucket.part != null
          && sink.rollingPolicy().shouldRollOnProcessingTime(bucket.part, time)) {
        roll(bucket);
      }
    }
    scheduleBucketCheck(time);
  }

  private void scheduleBucketCheck(long now) {
    try {
      context.registerProcessingTimer(now + sink.bucketCheckInterval(), this::onBucketCheck);
    } catch (UnsupportedOperationException e) {
      // no timers here: parts roll by size and at checkpoints only
    }
  }

  private void roll(Bucket<IN> bucket) throws IOException {
    pending.add(bucket.part.closeForCommit());
    bucket.part = null;
  }

  private Bucket<IN> bucket(String bucketId) throws IOException {
    Bucket<IN> bucket = buckets.get(bucketId);
    if (bucket == null) {
      String dir = bucketDirectory(bucketId);
      fs.mkdirs(dir);
      bucket = new Bucket<>(dir, firstFreeCounter(dir));
      buckets.put(bucketId, bucket);
    }
    return bucket;
  }

  private String bucketDirectory(String bucketId) {
    if (bucketId == null
        || bucketId.startsWith("/")
        || bucketId.contains("\\")
        || bucketId.contains(":")
        || List.of(bucketId.split("/")).contains("..")) {
      throw new IllegalArgumentException(
          "A bucket id must be a relative path inside the base path, but was '" + bucketId + "'.");
    }
    return bucketId.isEmpty() ? basePath : FileSystem.child(basePath, bucketId);
  }

  /**
   * One past the highest counter of this subtask's files in the directory: a restored or restarted
   * writer must not reuse the name of a file that is committed or about to be.
   */
  private long firstFreeCounter(String dir) throws IOException {
    Pattern ours = names.anyNameOf(subtask);
    long next = 0;
    for (FileStatus file : fs.list(dir)) {
      Matcher m = ours.matcher(file.name());
      if (m.matches()) {
        next = Math.max(next, Long.parseLong(m.group(1)) + 1);
      }
    }
    return next;
  }

  /** Closes open part files without committing them; a restore truncates or deletes them. */
  @Override
  public void close() {
    closed = true;
    for (Bucket<IN> bucket : buckets.values()) {
      if (bucket.part != null) {
        bucket.part.closeQuietly();
      }
    }
    buckets.clear();
  }

  private static final class Bucket<IN> {
    final String dir;
    long nextCounter;
    InProgressPartFile<IN> part;

    Bucket(String dir, long nextCounter) {
      this.dir = dir;
      this.nextCounter = nextCounter;
    }
  }

  private static final class AssignerContext implements BucketAssigner.Context {
    private long now;
    private Context record;

    void set(long now, Context record) {
      this.now = now;
      this.record = record;
    }

    @Override
    public long currentProcessingTime() {
      return now;
    }

    @Override
    public long currentWatermark() {
      return record.currentWatermark();
    }

    @Override
    public Long timestamp() {
      return record.timestamp();
    }
  }
}
