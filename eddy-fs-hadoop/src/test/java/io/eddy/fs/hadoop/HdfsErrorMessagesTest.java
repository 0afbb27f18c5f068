package io.eddy.fs.hadoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.WriteMode;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileAlreadyExistsException;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A user's mistake on HDFS is one line naming the location and the cause. */
class HdfsErrorMessagesTest {
  private static final Map<String, String> ONE_REPLICA = Map.of("fs.hdfs.dfs.replication", "1");
  private static FileSystem fs;
  private static String root;

  @BeforeAll
  static void connect() throws IOException {
    fs = new HadoopFileSystemFactory().create(MiniHdfs.authority(), ONE_REPLICA);
    root = MiniHdfs.uri() + "/errors/" + UUID.randomUUID();
  }

  private static void write(String location) throws IOException {
    try (OutputStream out = fs.create(location, WriteMode.NO_OVERWRITE)) {
      out.write(1);
    }
  }

  private static void assertOneLine(Exception e, String expected) {
    assertThat(e.getMessage()).isEqualTo(expected).doesNotContain("\n");
  }

  @Test
  void anUnreachableNameNodeIsNamedWithTheCause() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort(); // closed again: nothing listens there
    }
    String nameNode = "hdfs://127.0.0.1:" + port;
    FileSystem unreachable =
        new HadoopFileSystemFactory()
            .create(
                "127.0.0.1:" + port,
                Map.of("fs.hdfs.ipc.client.connect.max.retries", "0")); // fail at once
    IOException e = assertThrows(IOException.class, () -> unreachable.status(nameNode + "/x"));
    assertOneLine(e, "Cannot reach HDFS at " + nameNode + " (Connection refused)");
  }

  @Test
  void permissionDeniedNamesTheUserAndTheDirectory() throws IOException {
    String dir = root + "/private";
    fs.mkdirs(dir);
    MiniHdfs.admin().setPermission(HadoopFileSystem.toPath(dir), new FsPermission((short) 0700));
    FileSystem bob =
        new HadoopFileSystemFactory().create(MiniHdfs.authority(), Map.of("fs.hdfs.user", "bob"));

    IOException create =
        assertThrows(IOException.class, () -> bob.create(dir + "/f", WriteMode.NO_OVERWRITE));
    assertThat(create.getMessage())
        .startsWith("Cannot create " + dir + "/f: Permission denied: user=bob, access=EXECUTE")
        .doesNotContain("\n");
    IOException list = assertThrows(IOException.class, () -> bob.list(dir));
    assertThat(list.getMessage())
        .startsWith("Cannot list " + dir + ": Permission denied: user=bob, access=READ_EXECUTE")
        .doesNotContain("\n");
  }

  @Test
  void fileSystemMistakesSayWhatIsWrong() throws IOException {
    write(root + "/exists");
    write(root + "/full/file");

    assertOneLine(
        assertThrows(FileAlreadyExistsException.class, () -> write(root + "/exists")),
        root + "/exists: it exists already");
    assertOneLine(
        assertThrows(IOException.class, () -> fs.delete(root + "/full", false)),
        "Cannot delete " + root + "/full: the directory is not empty");
    assertOneLine(
        assertThrows(IOException.class, () -> fs.openForRead(root + "/full")),
        "Cannot open " + root + "/full: it is a directory");
    assertOneLine(
        assertThrows(
            FileAlreadyExistsException.class,
            () -> fs.rename(root + "/full/file", root + "/exists")),
        root + "/full/file -> " + root + "/exists: the target exists already");
    assertOneLine(
        assertThrows(FileNotFoundException.class, () -> fs.rename(root + "/gone", root + "/b")),
        root + "/gone does not exist");
    assertOneLine(
        assertThrows(
            FileNotFoundException.class, () -> fs.rename(root + "/exists", root + "/no/b")),
        root + "/no does not exist");
  }

  @Test
  void aRecoverableFileWhoseInProgressFileIsGoneIsNamed() throws IOException {
    var writer = fs.createRecoverableWriter();
    var stream = writer.open(root + "/out/part");
    stream.write(new byte[] {1, 2, 3});
    byte[] resume = stream.persist();
    byte[] commit = stream.closeForCommit();
    String hidden = fs.list(root + "/out").get(0).path();
    fs.delete(hidden, false);

    assertOneLine(
        assertThrows(IOException.class, () -> writer.resume(resume)),
        "The in-progress file of the checkpoint is missing: " + hidden);
    assertOneLine(
        assertThrows(IOException.class, () -> writer.commit(commit)),
        "Cannot commit " + root + "/out/part: neither it nor " + hidden + " exists");
    assertThat(assertThrows(IOException.class, () -> writer.commit(resume)).getMessage())
        .isEqualTo("Not a commit token of the HDFS file system (kind 82, version 1)");
  }

  @Test
  void configurationMistakesNameTheKey() {
    HadoopFileSystemFactory factory = new HadoopFileSystemFactory();
    assertOneLine(
        assertThrows(
            IOException.class,
            () -> factory.create(null, Map.of("fs.hdfs.hadoopconf", "/no/such/dir"))),
        "fs.hdfs.hadoopconf names /no/such/dir, which is not a directory");
    IOException noNameNode =
        assertThrows(
            IOException.class,
            () -> factory.create(null, Map.of("fs.hdfs.fs.defaultFS", "file:///")));
    assertThat(noNameNode.getMessage())
        .startsWith(
            "An hdfs:/// location names no name node, and the Hadoop configuration's"
                + " fs.defaultFS (file:///) is no hdfs:// one")
        .doesNotContain("\n");
  }

  @Test
  void writesAsAnotherUserWithSimpleAuthentication() throws IOException {
    FileSystem carol =
        new HadoopFileSystemFactory()
            .create(
                MiniHdfs.authority(),
                Map.of("fs.hdfs.user", "carol", "fs.hdfs.dfs.replication", "1"));
    String dir = root + "/shared";
    fs.mkdirs(dir);
    MiniHdfs.admin().setPermission(HadoopFileSystem.toPath(dir), new FsPermission((short) 0777));
    try (OutputStream out = carol.create(dir + "/c", WriteMode.NO_OVERWRITE)) {
      out.write(1);
    }
    assertThat(
            MiniHdfs.admin().getFileStatus(new Path(HadoopFileSystem.toPath(dir), "c")).getOwner())
        .isEqualTo("carol");
  }

  @Test
  void aFileDeletedWhileWrittenFailsItsCloseInOneLine() throws IOException {
    String location = root + "/deleted-while-written";
    OutputStream out = fs.create(location, WriteMode.NO_OVERWRITE);
    out.write(new byte[] {1, 2, 3});
    MiniHdfs.admin().delete(HadoopFileSystem.toPath(location), false);
    assertOneLine(
        assertThrows(FileNotFoundException.class, out::close), location + " does not exist");
  }
}
