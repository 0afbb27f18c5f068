package io.eddy.fs.s3;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code s3.*} keys of a process's configuration. {@link #toString()} never shows the secret.
 *
 * @param endpoint the store's URL, or null for AWS
 * @param partSize bytes per multipart upload part
 * @param entropyKey the marker in a location that state files replace by random characters, or null
 * @param entropyLength how many random characters replace it
 */
record S3Settings(
    URI endpoint,
    String region,
    String accessKey,
    String secretKey,
    boolean pathStyle,
    int partSize,
    String entropyKey,
    int entropyLength) {
  /** S3's smallest part but the last. */
  static final int MIN_PART_SIZE = 5 * 1024 * 1024;

  static S3Settings from(Map<String, String> config) {
    String endpoint = config.get("s3.endpoint");
    String partSize = config.getOrDefault("s3.upload.part-size", String.valueOf(8 * 1024 * 1024));
    int part;
    try {
      part = Integer.parseInt(partSize.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "s3.upload.part-size must be a number of bytes, but was '" + partSize + "'");
    }
    if (part < MIN_PART_SIZE) {
      throw new IllegalArgumentException(
          "s3.upload.part-size must be at least " + MIN_PART_SIZE + " bytes (S3's minimum)");
    }
    URI uri = null;
    if (endpoint != null && !endpoint.isBlank()) {
      try {
        uri = URI.create(endpoint.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("s3.endpoint is not a URL: '" + endpoint + "'");
      }
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException(
            "s3.endpoint must be a URL such as http://127.0.0.1:9000, but was '" + endpoint + "'");
      }
    }
    String entropyKey = config.get("s3.entropy.key");
    String length = config.getOrDefault("s3.entropy.length", "4");
    int entropyLength;
    try {
      entropyLength = Integer.parseInt(length.strip());
    } catch (NumberFormatException e) {
      entropyLength = -1;
    }
    if (entropyLength < 1 || entropyLength > 32) {
      throw new IllegalArgumentException(
          "s3.entropy.length must be a number from 1 to 32, but was '" + length + "'");
    }
    return new S3Settings(
        uri,
        config.getOrDefault("s3.region", "us-east-1"),
        config.get("s3.access-key"),
        config.get("s3.secret-key"),
        Boolean.parseBoolean(config.getOrDefault("s3.path.style.access", "false")),
        part,
        entropyKey == null || entropyKey.isBlank() ? null : entropyKey.strip(),
        entropyLength);
  }

  S3Client client() {
    var builder =
        S3Client.builder()
            .region(Region.of(region))
            .credentialsProvider(credentials())
            .forcePathStyle(pathStyle)
            // many S3-compatible stores reject the SDK's default trailing checksums
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder.build();
  }

  private AwsCredentialsProvider credentials() {
    if (accessKey != null && secretKey != null) {
      return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }
    return DefaultCredentialsProvider.builder().build();
  }

  /** Where the store is, for messages. */
  String endpointName() {
    return endpoint == null ? "AWS S3 (" + region + ")" : endpoint.toString();
  }

  @Override
  public String toString() {
    return "S3Settings[endpoint="
        + endpointName()
        + ", accessKey="
        + (accessKey == null ? "default chain" : accessKey)
        + ", secretKey=****, pathStyle="
        + pathStyle
        + ", partSize="
        + partSize
        + "]";
  }
}
