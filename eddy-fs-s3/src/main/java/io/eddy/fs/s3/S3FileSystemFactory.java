package io.eddy.fs.s3;

import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.FileSystemFactory;
import java.io.IOException;
import java.util.Map;

/** Serves {@code s3://bucket/key} locations, one client per bucket, from the {@code s3.*} keys. */
public final class S3FileSystemFactory implements FileSystemFactory {
  @Override
  public String scheme() {
    return "s3";
  }

  @Override
  public FileSystem create(String bucket, Map<String, String> config) throws IOException {
    if (bucket == null || bucket.isBlank()) {
      throw new IOException("An s3: location must name a bucket: s3://<bucket>/<key>");
    }
    S3Settings settings = S3Settings.from(config);
    return new S3FileSystem(bucket, settings.client(), settings);
  }
}
