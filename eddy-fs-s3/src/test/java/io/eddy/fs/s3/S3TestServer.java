package io.eddy.fs.s3;

import io.eddy.api.fs.FileSystems;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3-API server on loopback (s3proxy over jclouds' in-memory blob store) with the given
 * buckets, and the {@code s3.*} configuration that reaches it. It counts the reads of checkpoint
 * state files it serves. Shared with the end-to-end tests through this module's test jar.
 */
public final class S3TestServer implements AutoCloseable {
  public static final String ACCESS_KEY = "eddy-access";
  public static final String SECRET_KEY = "eddy-secret-do-not-log";

  private final S3Proxy proxy;
  private final BlobStoreContext context;
  private final AtomicLong stateReads;

  private S3TestServer(S3Proxy proxy, BlobStoreContext context, AtomicLong stateReads) {
    this.proxy = proxy;
    this.context = context;
    this.stateReads = stateReads;
  }

  public static S3TestServer start(String... buckets) throws Exception {
    return start("transient", new Properties(), buckets);
  }

  /** A server that keeps its objects in files under {@code directory} (for large data). */
  public static S3TestServer startOnDisk(java.nio.file.Path directory, String... buckets)
      throws Exception {
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", directory.toString());
    return start("filesystem", properties, buckets);
  }

  private static S3TestServer start(String provider, Properties properties, String... buckets)
      throws Exception {
    BlobStoreContext context =
        ContextBuilder.newBuilder(provider)
            .credentials("identity", "credential")
            .overrides(properties)
            .build(BlobStoreContext.class);
    BlobStore inner = context.getBlobStore();
    for (String bucket : buckets) {
      inner.createContainerInLocation(null, bucket);
    }
    AtomicLong stateReads = new AtomicLong();
    BlobStore store =
        (BlobStore)
            Proxy.newProxyInstance(
                BlobStore.class.getClassLoader(),
                new Class<?>[] {BlobStore.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("getBlob") && isStateFile(args[1])) {
                    stateReads.incrementAndGet();
                  }
                  try {
                    return method.invoke(inner, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    proxy.start();
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> "STARTED".equals(proxy.getState()));
    return new S3TestServer(proxy, context, stateReads);
  }

  /** A checkpoint's state file (not its metadata): {@code .../chk-<id>/<file>}. */
  private static boolean isStateFile(Object key) {
    String k = String.valueOf(key);
    return k.matches(".*/chk-\\d+/[^/]+") && !k.endsWith("/_metadata");
  }

  /** GET requests for checkpoint state files served so far. */
  public long stateFileReads() {
    return stateReads.get();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + proxy.getPort();
  }

  /** The configuration of a client of this server, with the right or a wrong secret. */
  public Map<String, String> config(String secret) {
    return Map.of(
        "s3.endpoint",
        endpoint(),
        "s3.access-key",
        ACCESS_KEY,
        "s3.secret-key",
        secret,
        "s3.path.style.access",
        "true",
        "s3.upload.part-size",
        String.valueOf(5 * 1024 * 1024));
  }

  /** Points this process's file systems at this server. */
  public void configureFileSystems() {
    FileSystems.configure(config(SECRET_KEY));
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
    context.close();
  }
}
