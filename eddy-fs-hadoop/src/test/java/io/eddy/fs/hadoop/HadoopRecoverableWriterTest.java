package io.eddy.fs.hadoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.eddy.api.fs.FileStatus;
import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.RecoverableWriter;
import io.eddy.api.fs.RecoverableWriter.RecoverableStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.hdfs.DistributedFileSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the conformance suite cannot see: a restored task resumes a file that another HDFS client
 * (the failed task's) still holds open, and a file shorter than its token is refused.
 */
class HadoopRecoverableWriterTest {
  private static final Map<String, String> CONFIG = Map.of("fs.hdfs.dfs.replication", "1");
  private static String root;

  @BeforeAll
  static void start() throws IOException {
    root = MiniHdfs.uri() + "/recoverable/" + UUID.randomUUID();
  }

  /** A file system with its own HDFS client, as another process would have. */
  private static FileSystem newClient() throws IOException {
    return new HadoopFileSystemFactory().create(MiniHdfs.authority(), CONFIG);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String inProgressFile(FileSystem fs, String dir) throws IOException {
    return fs.list(dir).stream()
        .map(FileStatus::path)
        .filter(p -> p.contains(HadoopRecoverableWriter.IN_PROGRESS))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void anotherClientTakesOverAFileTheFailedWriterStillHoldsOpen() throws IOException {
    FileSystem failed = newClient();
    String target = root + "/takeover/part-0";
    RecoverableStream stream = failed.createRecoverableWriter().open(target);
    stream.write(utf8("persisted\n"));
    byte[] resume = stream.persist();
    stream.write(utf8("lost\n"));
    stream.flush();
    String hidden = inProgressFile(failed, root + "/takeover");
    assertThat(failed.createRecoverableWriter().inProgressLocation(resume)).isEqualTo(hidden);
    // persist told the name node the length, so the file shows what a checkpoint holds
    assertThat(failed.status(hidden).orElseThrow().length()).isEqualTo(10);

    FileSystem restored = newClient();
    RecoverableWriter writer = restored.createRecoverableWriter();
    RecoverableStream resumed = writer.resume(resume);
    resumed.write(utf8("restored\n"));
    writer.commit(resumed.closeForCommit());

    try (InputStream in = restored.open(target)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("persisted\nrestored\n");
    }
    // the failed writer lost its lease: it can persist nothing more
    IOException e = assertThrows(IOException.class, stream::persist);
    assertThat(e.getMessage()).contains(hidden).doesNotContain("\n");
  }

  @Test
  void aFileShorterThanItsTokenIsRefused() throws IOException {
    FileSystem fs = newClient();
    String target = root + "/short/part-0";
    RecoverableStream stream = fs.createRecoverableWriter().open(target);
    stream.write(utf8("12345"));
    byte[] resume = stream.persist();
    stream.close();
    String hidden = inProgressFile(fs, root + "/short");
    DistributedFileSystem admin = MiniHdfs.admin();
    // a truncate to a block boundary (0) finishes at once
    assertThat(admin.truncate(HadoopFileSystem.toPath(hidden), 0)).isTrue();

    IOException e =
        assertThrows(IOException.class, () -> fs.createRecoverableWriter().resume(resume));
    assertThat(e.getMessage())
        .isEqualTo(
            "The in-progress file " + hidden + " has 0 bytes, fewer than the 5 of the checkpoint");
  }

  @Test
  void aFileResumedAtItsFullLengthNeedsNoTruncate() throws IOException {
    FileSystem fs = newClient();
    String target = root + "/full/part-0";
    RecoverableWriter writer = fs.createRecoverableWriter();
    RecoverableStream stream = writer.open(target);
    stream.write(utf8("all of it"));
    byte[] resume = stream.persist();
    stream.close();

    RecoverableStream resumed = writer.resume(resume);
    assertThat(resumed.position()).isEqualTo(9);
    resumed.write(utf8(" and more"));
    writer.commit(resumed.closeForCommit());
    try (InputStream in = fs.open(target)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("all of it and more");
    }
  }

  @Test
  void aFileAtTheRootOfTheDefaultNameNodeIsWrittenBesideIt() throws IOException {
    FileSystem fs =
        new HadoopFileSystemFactory()
            .create(
                null,
                Map.of("fs.hdfs.fs.defaultFS", MiniHdfs.uri(), "fs.hdfs.dfs.replication", "1"));
    String target = "hdfs:///root-" + UUID.randomUUID();
    RecoverableWriter writer = fs.createRecoverableWriter();
    RecoverableStream stream = writer.open(target);
    stream.write(utf8("at the root"));
    byte[] resume = stream.persist();
    assertThat(fs.list("hdfs:///").stream().map(FileStatus::name))
        .anyMatch(name -> name.startsWith("." + target.substring(8) + ".inprogress."));
    RecoverableStream resumed = writer.resume(resume);
    writer.commit(resumed.closeForCommit());
    try (InputStream in = fs.open(target)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("at the root");
    }
    fs.delete(target, false);
  }

  @Test
  void aResumeInTheSameProcessClosesTheStreamItTakesOver() throws IOException {
    FileSystem fs = newClient();
    String target = root + "/same/part-0";
    RecoverableWriter writer = fs.createRecoverableWriter();
    RecoverableStream stream = writer.open(target);
    stream.write(utf8("kept"));
    byte[] resume = stream.persist();
    stream.write(utf8(" dropped"));

    RecoverableStream resumed = writer.resume(resume);
    // closed, so it can no longer end the new stream's lease when its task is cleaned up
    assertThrows(IOException.class, () -> stream.write(utf8("late")));
    stream.close();
    resumed.write(utf8(" and new"));
    writer.commit(resumed.closeForCommit());
    try (InputStream in = fs.open(target)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("kept and new");
    }
  }
}
