package io.eddy.fs.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.fs.FileSystem;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A store that cannot be reached, wrong credentials and a missing bucket are each one line naming
 * the location and the cause, and never the secret.
 */
class S3ErrorLinesTest {
  private static S3TestServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3TestServer.start("present");
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private static FileSystem fs(String bucket, Map<String, String> config) throws IOException {
    return new S3FileSystemFactory().create(bucket, config);
  }

  private static void assertOneLineWithoutSecret(Throwable e, String... parts) {
    assertThat(e.getMessage()).doesNotContain("\n").contains(parts);
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage())).doesNotContain(S3TestServer.SECRET_KEY);
    }
  }

  @Test
  void wrongCredentialsNameTheLocationAndTheKeysToCheck() throws IOException {
    FileSystem fs = fs("present", server.config("not-the-secret"));
    assertThatThrownBy(() -> fs.exists("s3://present/x"))
        .isInstanceOf(IOException.class)
        .satisfies(e -> assertOneLineWithoutSecret(e, "s3://present/x", "s3.secret-key"));
    assertThatThrownBy(() -> fs.list("s3://present/dir"))
        .isInstanceOf(IOException.class)
        .satisfies(
            e ->
                assertOneLineWithoutSecret(
                    e, "s3://present/dir", "refused the credentials", "s3.secret-key"));
  }

  @Test
  void aMissingBucketIsNamed() throws IOException {
    FileSystem fs = fs("absent", server.config(S3TestServer.SECRET_KEY));
    assertThatThrownBy(() -> fs.list("s3://absent/dir"))
        .isInstanceOf(IOException.class)
        .satisfies(e -> assertOneLineWithoutSecret(e, "s3://absent/dir", "bucket does not exist"));
  }

  @Test
  void anUnreachableStoreIsNamedWithTheCause() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Map<String, String> config = new HashMap<>(server.config(S3TestServer.SECRET_KEY));
    config.put("s3.endpoint", "http://127.0.0.1:" + closedPort);
    FileSystem fs = fs("present", config);
    assertThatThrownBy(() -> fs.exists("s3://present/x"))
        .isInstanceOf(IOException.class)
        .satisfies(
            e ->
                assertOneLineWithoutSecret(
                    e,
                    "s3://present/x",
                    "cannot reach the store at http://127.0.0.1:" + closedPort));
  }

  @Test
  void settingsNeverShowTheSecret() {
    assertThat(S3Settings.from(server.config(S3TestServer.SECRET_KEY)).toString())
        .doesNotContain(S3TestServer.SECRET_KEY)
        .contains("****");
  }

  @Test
  void aBadEndpointOrPartSizeIsOneLine() {
    Map<String, String> config = new HashMap<>(server.config(S3TestServer.SECRET_KEY));
    config.put("s3.endpoint", "localhost");
    assertThatThrownBy(() -> S3Settings.from(config))
        .hasMessage("s3.endpoint must be a URL such as http://127.0.0.1:9000, but was 'localhost'");
    config.put("s3.endpoint", server.endpoint());
    config.put("s3.upload.part-size", "1000");
    assertThatThrownBy(() -> S3Settings.from(config))
        .hasMessageContaining("s3.upload.part-size must be at least 5242880 bytes");
  }
}
