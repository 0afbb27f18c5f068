package io.eddy.fs.s3;

import java.io.FileNotFoundException;
import java.io.IOException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns the SDK's exceptions into one-line {@link IOException}s that name the location and the
 * cause a user can act on (never a credential: the SDK's messages hold none, and neither do ours).
 */
final class S3Errors {
  private S3Errors() {}

  static IOException translate(String location, S3Settings settings, SdkException e) {
    if (e instanceof S3Exception s3) {
      String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
      int status = s3.statusCode();
      if ("NoSuchBucket".equals(code)) {
        return new IOException(location + ": the bucket does not exist", e);
      }
      if ("NoSuchKey".equals(code) || status == 404) {
        return new FileNotFoundException(location + " does not exist");
      }
      if ("InvalidAccessKeyId".equals(code) || "SignatureDoesNotMatch".equals(code)) {
        return new IOException(
            location
                + ": the store at "
                + settings.endpointName()
                + " refused the credentials (check s3.access-key and s3.secret-key)",
            e);
      }
      if ("AccessDenied".equals(code) || status == 403) {
        // a HEAD answer has no body, so a wrong secret looks like a missing permission there
        return new IOException(
            location
                + ": access denied by "
                + settings.endpointName()
                + " (check s3.access-key, s3.secret-key and the bucket's permissions)",
            e);
      }
      return new IOException(
          location
              + ": "
              + (code == null ? "HTTP " + status : code)
              + " from "
              + settings.endpointName(),
          e);
    }
    if (e instanceof SdkClientException) {
      return new IOException(
          location
              + ": cannot reach the store at "
              + settings.endpointName()
              + " ("
              + rootCause(e)
              + ")",
          e);
    }
    return new IOException(location + ": " + e.getMessage(), e);
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = t.getMessage();
    return message == null ? t.getClass().getSimpleName() : message.lines().findFirst().orElse("");
  }
}
