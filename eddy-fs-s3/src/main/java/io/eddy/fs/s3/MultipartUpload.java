package io.eddy.fs.s3;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One multipart upload of an object: parts go up as they fill, and the object appears only when
 * {@link #complete} runs. Not thread-safe.
 */
final class MultipartUpload {
  private final S3FileSystem fs;
  private final String key;
  private final String uploadId;
  private final List<CompletedPart> parts;

  private MultipartUpload(S3FileSystem fs, String key, String uploadId, List<CompletedPart> parts) {
    this.fs = fs;
    this.key = key;
    this.uploadId = uploadId;
    this.parts = new ArrayList<>(parts);
  }

  /** Starts a new upload of {@code key}. */
  static MultipartUpload start(S3FileSystem fs, String key) throws IOException {
    try {
      String id = fs.client().createMultipartUpload(b -> b.bucket(fs.bucket()).key(key)).uploadId();
      return new MultipartUpload(fs, key, id, List.of());
    } catch (SdkException e) {
      throw fs.error(fs.location(key), e);
    }
  }

  /**
   * Continues an upload with the parts a checkpoint recorded; parts uploaded after it get
   * overwritten by the same part numbers or left out of the completed object.
   */
  static MultipartUpload resume(
      S3FileSystem fs, String key, String uploadId, List<CompletedPart> parts) {
    return new MultipartUpload(fs, key, uploadId, parts);
  }

  void uploadPart(byte[] bytes, int length) throws IOException {
    int number = parts.size() + 1;
    try {
      String etag =
          fs.client()
              .uploadPart(
                  b -> b.bucket(fs.bucket()).key(key).uploadId(uploadId).partNumber(number),
                  RequestBody.fromBytes(length == bytes.length ? bytes : copy(bytes, length)))
              .eTag();
      parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
    } catch (SdkException e) {
      throw fs.error(fs.location(key), e);
    }
  }

  private static byte[] copy(byte[] bytes, int length) {
    byte[] copy = new byte[length];
    System.arraycopy(bytes, 0, copy, 0, length);
    return copy;
  }

  /**
   * Completes the upload: the object appears whole. An upload that is gone while the object exists
   * completed before (a retried commit) and counts as done.
   */
  void complete() throws IOException {
    try {
      fs.client()
          .completeMultipartUpload(
              b ->
                  b.bucket(fs.bucket())
                      .key(key)
                      .uploadId(uploadId)
                      .multipartUpload(m -> m.parts(parts)));
    } catch (S3Exception e) {
      // NoSuchUpload (AWS) or InvalidPart (some stores) while the object exists: the upload
      // completed before a failure (part file keys are unique, so the object is this upload's)
      if (e.statusCode() >= 400 && e.statusCode() < 500 && fs.head(key).isPresent()) {
        return;
      }
      throw fs.error(fs.location(key), e);
    } catch (SdkException e) {
      throw fs.error(fs.location(key), e);
    }
  }

  /** Drops the upload and its parts (best effort). */
  void abort() {
    try {
      fs.client().abortMultipartUpload(b -> b.bucket(fs.bucket()).key(key).uploadId(uploadId));
    } catch (SdkException e) {
      // an upload left behind is removed by the bucket's lifecycle rule for incomplete uploads
    }
  }

  String key() {
    return key;
  }

  String uploadId() {
    return uploadId;
  }

  List<CompletedPart> parts() {
    return List.copyOf(parts);
  }
}
