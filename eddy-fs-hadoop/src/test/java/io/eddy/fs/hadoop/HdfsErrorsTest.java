package io.eddy.fs.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import org.apache.hadoop.ipc.RemoteException;
import org.apache.hadoop.net.ConnectTimeoutException;
import org.apache.hadoop.security.AccessControlException;
import org.junit.jupiter.api.Test;

/** The HDFS client's exceptions as Eddy's one-line errors (without a server to raise them). */
class HdfsErrorsTest {
  private static final URI NN = URI.create("hdfs://nn:8020");

  private static String translated(Exception e) {
    return HdfsErrors.translate("Cannot create", "hdfs://nn:8020/x", NN, e).getMessage();
  }

  @Test
  void anUnknownHostIsUnreachable() {
    // how the client fails to be made for a name node whose host does not resolve
    assertThat(translated(new IllegalArgumentException(new UnknownHostException("nn"))))
        .isEqualTo("Cannot reach HDFS at hdfs://nn:8020 (unknown host nn)");
  }

  @Test
  void hadoopsWrappedConnectErrorsLoseTheirWikiLinks() {
    ConnectException wrapped =
        new ConnectException(
            "Call From a/127.0.0.1 to nn:8020 failed on connection exception:"
                + " java.net.ConnectException: Connection refused; For more details see: "
                + " http://wiki.apache.org/hadoop/ConnectionRefused");
    wrapped.initCause(new ConnectException("Connection refused"));
    assertThat(translated(wrapped))
        .isEqualTo("Cannot reach HDFS at hdfs://nn:8020 (Connection refused)");
    assertThat(translated(new ConnectTimeoutException("connect timed out")))
        .isEqualTo("Cannot reach HDFS at hdfs://nn:8020 (connect timed out)");
  }

  @Test
  void remoteExceptionsAreUnwrappedAndCutToTheirFirstLine() {
    assertThat(
            translated(
                new RemoteException(
                    AccessControlException.class.getName(),
                    "Permission denied: user=bob, access=WRITE, inode=\"/\":root:supergroup")))
        .isEqualTo(
            "Cannot create hdfs://nn:8020/x: Permission denied: user=bob, access=WRITE,"
                + " inode=\"/\":root:supergroup");
    IOException missing =
        HdfsErrors.translate(
            "Cannot open",
            "hdfs://nn:8020/x",
            NN,
            new RemoteException(FileNotFoundException.class.getName(), "File does not exist: /x"));
    assertThat(missing)
        .isInstanceOf(FileNotFoundException.class)
        .hasMessage("hdfs://nn:8020/x does not exist");
    assertThat(
            translated(
                new RemoteException(
                    "org.apache.hadoop.hdfs.server.namenode.SafeModeException",
                    "Cannot create file/x. Name node is in safe mode.\nThe reported blocks 0")))
        .isEqualTo(
            "Cannot create hdfs://nn:8020/x: Cannot create file/x. Name node is in safe mode.");
  }
}
