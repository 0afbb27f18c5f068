package io.eddy.testutils.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eddy.api.fs.FileStatus;
import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.FileSystems;
import io.eddy.api.fs.RecoverableWriter;
import io.eddy.api.fs.RecoverableWriter.RecoverableStream;
import io.eddy.api.fs.WriteMode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FileSystem} must do, checked through {@link FileSystems} by the root's scheme:
 * files are whole once closed, listings, deletes, seeking reads, and recoverable streams that
 * persist, resume (dropping what came after the persist) and become visible only on commit. A file
 * system's test extends this class and names a fresh root location per test:
 *
 * <pre>{@code
 * class S3FileSystemConformanceTest extends FileSystemConformance {
 *   protected String rootLocation() { return "s3://test-bucket/" + UUID.randomUUID(); }
 * }
 * }</pre>
 */
public abstract class FileSystemConformance {
  private String root;
  private FileSystem fs;

  /** A root location no other test uses (it need not exist yet). */
  protected abstract String rootLocation() throws IOException;

  /** Bytes big enough to span several upload parts of the file system, if it has parts. */
  protected int largeFileBytes() {
    return 3 * 1024 * 1024 + 17;
  }

  @BeforeEach
  void freshRoot() throws IOException {
    root = rootLocation();
    fs = FileSystems.get(root);
  }

  private String at(String relative) {
    return FileSystem.child(root, relative);
  }

  private void write(String location, byte[] bytes) throws IOException {
    try (OutputStream out = fs.create(location, WriteMode.NO_OVERWRITE)) {
      out.write(bytes);
    }
  }

  private byte[] read(String location) throws IOException {
    try (InputStream in = fs.open(location)) {
      return in.readAllBytes();
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aClosedFileReadsBackWhole() throws IOException {
    byte[] large = new byte[largeFileBytes()];
    new Random(7).nextBytes(large);
    write(at("a/large.bin"), large);
    write(at("a/small.txt"), utf8("hello"));

    assertArrayEquals(large, read(at("a/large.bin")));
    assertArrayEquals(utf8("hello"), read(at("a/small.txt")));
    FileStatus status = fs.status(at("a/large.bin")).orElseThrow();
    assertEquals(large.length, status.length());
    assertFalse(status.directory());
  }

  @Test
  void createWithoutOverwriteRefusesAnExistingFileAndOverwriteReplacesIt() throws IOException {
    write(at("f"), utf8("one"));
    assertThrows(
        java.nio.file.FileAlreadyExistsException.class,
        () -> {
          try (OutputStream out = fs.create(at("f"), WriteMode.NO_OVERWRITE)) {
            out.write(1);
          }
        });
    try (OutputStream out = fs.create(at("f"), WriteMode.OVERWRITE)) {
      out.write(utf8("two"));
    }
    assertArrayEquals(utf8("two"), read(at("f")));
  }

  @Test
  void aMissingFileIsFileNotFoundAndHasNoStatus() throws IOException {
    assertThrows(FileNotFoundException.class, () -> read(at("missing")));
    assertTrue(fs.status(at("missing")).isEmpty());
    assertFalse(fs.exists(at("missing")));
    assertEquals(List.of(), fs.list(at("no-such-dir")));
  }

  @Test
  void listShowsDirectChildrenSortedWithDirectoriesMarked() throws IOException {
    write(at("d/b.txt"), utf8("b"));
    write(at("d/a.txt"), utf8("a"));
    write(at("d/sub/c.txt"), utf8("c"));

    List<FileStatus> entries = fs.list(at("d"));
    assertEquals(List.of("a.txt", "b.txt", "sub"), entries.stream().map(FileStatus::name).toList());
    assertFalse(entries.get(0).directory());
    assertEquals(1, entries.get(0).length());
    assertTrue(entries.get(2).directory());
    assertTrue(fs.exists(at("d")));
  }

  @Test
  void deleteRemovesFilesAndWholeDirectories() throws IOException {
    write(at("x/1"), utf8("1"));
    write(at("x/y/2"), utf8("2"));
    assertTrue(fs.delete(at("x/1"), false));
    assertFalse(fs.exists(at("x/1")));
    assertTrue(fs.delete(at("x"), true));
    assertFalse(fs.exists(at("x/y/2")));
    assertFalse(fs.delete(at("x"), true));
  }

  @Test
  void aReadChannelSeeks() throws IOException {
    byte[] bytes = new byte[100_000];
    new Random(3).nextBytes(bytes);
    write(at("seek.bin"), bytes);
    try (SeekableByteChannel channel = fs.openForRead(at("seek.bin"))) {
      assertEquals(bytes.length, channel.size());
      ByteBuffer buffer = ByteBuffer.allocate(10);
      channel.position(90_000);
      readFully(channel, buffer);
      assertArrayEquals(java.util.Arrays.copyOfRange(bytes, 90_000, 90_010), buffer.array());
      buffer.clear();
      channel.position(5);
      readFully(channel, buffer);
      assertArrayEquals(java.util.Arrays.copyOfRange(bytes, 5, 15), buffer.array());
      assertEquals(15, channel.position());
    }
  }

  private static void readFully(SeekableByteChannel channel, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      if (channel.read(buffer) < 0) {
        throw new IOException("early end");
      }
    }
  }

  @Test
  void renameCommitsWhereTheFileSystemHasIt() throws IOException {
    if (!fs.hasAtomicRename()) {
      assertThrows(UnsupportedOperationException.class, () -> fs.rename(at("a"), at("b")));
      return;
    }
    write(at("r/tmp"), utf8("data"));
    fs.rename(at("r/tmp"), at("r/final"));
    assertFalse(fs.exists(at("r/tmp")));
    assertArrayEquals(utf8("data"), read(at("r/final")));
  }

  @Test
  void aRecoverableFileIsInvisibleUntilCommittedAndCommitIsIdempotent() throws IOException {
    RecoverableWriter writer = fs.createRecoverableWriter();
    String target = at("out/part-0");
    byte[] large = new byte[largeFileBytes()];
    new Random(11).nextBytes(large);
    RecoverableStream stream = writer.open(target);
    stream.write(large);
    stream.persist();
    stream.write(utf8("tail"));
    byte[] commit = stream.closeForCommit();

    assertFalse(fs.exists(target), "nothing is visible before the commit");
    assertEquals(target, writer.finalLocation(commit));
    writer.commit(commit);
    writer.commit(commit); // a retry after a failure

    byte[] expected = new byte[large.length + 4];
    System.arraycopy(large, 0, expected, 0, large.length);
    System.arraycopy(utf8("tail"), 0, expected, large.length, 4);
    assertArrayEquals(expected, read(target));
  }

  @Test
  void resumeDropsWhatCameAfterThePersistAndContinues() throws IOException {
    RecoverableWriter writer = fs.createRecoverableWriter();
    String target = at("out/part-1");
    RecoverableStream stream = writer.open(target);
    stream.write(utf8("kept-1\n"));
    stream.persist();
    stream.write(utf8("kept-2\n"));
    byte[] resume = stream.persist();
    stream.write(utf8("lost after the checkpoint\n"));
    stream.flush();
    // the task dies here; a restored writer resumes from the checkpoint's token
    RecoverableStream resumed = fs.createRecoverableWriter().resume(resume);
    assertEquals(14, resumed.position());
    resumed.write(utf8("after-restore\n"));
    byte[] again = resumed.persist();
    resumed.write(utf8("more\n"));
    writer.commit(resumed.closeForCommit());
    assertArrayEquals(utf8("kept-1\nkept-2\nafter-restore\nmore\n"), read(target));
    writer.cleanup(resume);
    writer.cleanup(again);
  }

  @Test
  void resumingALargeFileKeepsEveryPersistedByte() throws IOException {
    RecoverableWriter writer = fs.createRecoverableWriter();
    String target = at("out/part-2");
    byte[] large = new byte[largeFileBytes()];
    new Random(5).nextBytes(large);
    RecoverableStream stream = writer.open(target);
    stream.write(large, 0, large.length / 2);
    byte[] resume = stream.persist();
    stream.write(large, large.length / 2, 1000);
    RecoverableStream resumed = writer.resume(resume);
    resumed.write(large, large.length / 2, large.length - large.length / 2);
    writer.commit(resumed.closeForCommit());
    assertArrayEquals(large, read(target));
  }
}
