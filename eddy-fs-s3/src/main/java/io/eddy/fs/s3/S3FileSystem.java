package io.eddy.fs.s3;

import io.eddy.api.fs.FileStatus;
import io.eddy.api.fs.FileSystem;
import io.eddy.api.fs.RecoverableWriter;
import io.eddy.api.fs.WriteMode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One bucket as a {@link FileSystem}. A directory is a key prefix ending in {@code /}: it exists
 * while an object is under it, {@link #mkdirs} does nothing, and there is no rename — a file
 * appears whole when its single PUT or its multipart upload completes.
 *
 * <p>Thread-safe (the SDK client is); streams are for one thread.
 */
final class S3FileSystem implements FileSystem {
  private static final int DELETE_BATCH = 1000;
  private static final String ENTROPY_CHARACTERS = "0123456789abcdefghijklmnopqrstuvwxyz";

  private final String bucket;
  private final S3Client client;
  private final S3Settings settings;
  private volatile boolean multiObjectDelete = true;

  S3FileSystem(String bucket, S3Client client, S3Settings settings) {
    this.bucket = bucket;
    this.client = client;
    this.settings = settings;
  }

  @Override
  public String scheme() {
    return "s3";
  }

  /** The object key of a location of this bucket (no leading or trailing slash). */
  String key(String location) {
    String prefix = "s3://" + bucket;
    if (!location.regionMatches(true, 0, prefix, 0, prefix.length())
        || location.length() > prefix.length() && location.charAt(prefix.length()) != '/') {
      throw new IllegalArgumentException(location + " is not in bucket " + bucket);
    }
    String key = location.substring(prefix.length());
    while (key.startsWith("/")) {
      key = key.substring(1);
    }
    while (key.endsWith("/")) {
      key = key.substring(0, key.length() - 1);
    }
    return key;
  }

  String location(String key) {
    return "s3://" + bucket + "/" + key;
  }

  String bucket() {
    return bucket;
  }

  S3Client client() {
    return client;
  }

  S3Settings settings() {
    return settings;
  }

  IOException error(String location, SdkException e) {
    return S3Errors.translate(location, settings, e);
  }

  @Override
  public SeekableByteChannel openForRead(String location) throws IOException {
    String key = key(location);
    long size =
        head(key)
            .orElseThrow(() -> new java.io.FileNotFoundException(location + " does not exist"))
            .contentLength();
    return new S3ReadChannel(this, key, size);
  }

  @Override
  public OutputStream create(String location, WriteMode mode) throws IOException {
    String key = key(location);
    if (mode == WriteMode.NO_OVERWRITE && head(key).isPresent()) {
      throw new FileAlreadyExistsException(location, null, "it exists already");
    }
    return new S3OutputStream(this, key);
  }

  /** The object's metadata, empty if there is no object at {@code key}. */
  Optional<HeadObjectResponse> head(String key) throws IOException {
    if (key.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(client.headObject(b -> b.bucket(bucket).key(key)));
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        if (e.awsErrorDetails() != null && "NoSuchBucket".equals(e.awsErrorDetails().errorCode())) {
          throw error(location(key), e);
        }
        return Optional.empty();
      }
      throw error(location(key), e);
    } catch (SdkException e) {
      throw error(location(key), e);
    }
  }

  @Override
  public Optional<FileStatus> status(String location) throws IOException {
    String key = key(location);
    Optional<HeadObjectResponse> object = head(key);
    if (object.isPresent()) {
      HeadObjectResponse h = object.get();
      return Optional.of(
          new FileStatus(
              location,
              h.contentLength(),
              false,
              h.lastModified() == null ? 0 : h.lastModified().toEpochMilli()));
    }
    ListObjectsV2Response children = listPage(prefixOf(key), null, 1, location);
    if (children.hasContents() && !children.contents().isEmpty()
        || children.hasCommonPrefixes() && !children.commonPrefixes().isEmpty()) {
      return Optional.of(new FileStatus(location, 0, true, 0));
    }
    return Optional.empty();
  }

  private static String prefixOf(String key) {
    return key.isEmpty() ? "" : key + "/";
  }

  private ListObjectsV2Response listPage(
      String prefix, String delimiter, int maxKeys, String location) throws IOException {
    try {
      ListObjectsV2Request.Builder request =
          ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).maxKeys(maxKeys);
      if (delimiter != null) {
        request.delimiter(delimiter);
      }
      return client.listObjectsV2(request.build());
    } catch (SdkException e) {
      throw error(location, e);
    }
  }

  @Override
  public List<FileStatus> list(String location) throws IOException {
    String prefix = prefixOf(key(location));
    List<FileStatus> entries = new ArrayList<>();
    try {
      for (ListObjectsV2Response page :
          client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix).delimiter("/"))) {
        for (S3Object object : page.contents()) {
          if (!object.key().equals(prefix)) { // a "directory marker" some tools write
            entries.add(
                new FileStatus(
                    location(object.key()),
                    object.size(),
                    false,
                    object.lastModified() == null ? 0 : object.lastModified().toEpochMilli()));
          }
        }
        for (CommonPrefix dir : page.commonPrefixes()) {
          String p = dir.prefix();
          entries.add(new FileStatus(location(p.substring(0, p.length() - 1)), 0, true, 0));
        }
      }
    } catch (SdkException e) {
      throw error(location, e);
    }
    entries.sort(Comparator.comparing(FileStatus::path));
    return entries;
  }

  @Override
  public boolean delete(String location, boolean recursive) throws IOException {
    String key = key(location);
    boolean deleted = false;
    if (head(key).isPresent()) {
      try {
        client.deleteObject(b -> b.bucket(bucket).key(key));
      } catch (SdkException e) {
        throw error(location, e);
      }
      deleted = true;
    }
    List<String> under = keysUnder(prefixOf(key), location);
    if (!under.isEmpty()) {
      if (!recursive) {
        throw new IOException("Cannot delete " + location + ": the directory is not empty");
      }
      deleteKeys(under, location);
      deleted = true;
    }
    return deleted;
  }

  private List<String> keysUnder(String prefix, String location) throws IOException {
    List<String> keys = new ArrayList<>();
    try {
      for (ListObjectsV2Response page :
          client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))) {
        page.contents().forEach(o -> keys.add(o.key()));
      }
    } catch (SdkException e) {
      throw error(location, e);
    }
    return keys;
  }

  private void deleteKeys(List<String> keys, String location) throws IOException {
    if (!multiObjectDelete) {
      deleteOneByOne(keys, location);
      return;
    }
    for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
      List<ObjectIdentifier> batch =
          keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
              .map(k -> ObjectIdentifier.builder().key(k).build())
              .toList();
      try {
        client.deleteObjects(
            b -> b.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build()));
      } catch (S3Exception e) {
        if (e.statusCode() != 501) {
          throw error(location, e);
        }
        // some S3-compatible stores lack multi-object delete (or its checksum header)
        multiObjectDelete = false;
        deleteOneByOne(keys.subList(from, keys.size()), location);
        return;
      } catch (SdkException e) {
        throw error(location, e);
      }
    }
  }

  private void deleteOneByOne(List<String> keys, String location) throws IOException {
    for (String key : keys) {
      try {
        client.deleteObject(b -> b.bucket(bucket).key(key));
      } catch (SdkException e) {
        throw error(location, e);
      }
    }
  }

  @Override
  public void mkdirs(String location) {
    // an object store has no directories: a prefix exists while an object is under it
  }

  @Override
  public boolean hasAtomicRename() {
    return false;
  }

  @Override
  public void rename(String source, String target) {
    throw new UnsupportedOperationException(
        "S3 has no rename; " + source + " cannot be renamed to " + target);
  }

  /**
   * With {@code s3.entropy.key}: the marker replaced by random characters, so that the state files
   * of a checkpoint land under many key prefixes (S3 partitions by prefix).
   */
  @Override
  public String spreadLocation(String location) {
    String key = settings.entropyKey();
    if (key == null || !location.contains(key)) {
      return location;
    }
    StringBuilder random = new StringBuilder(settings.entropyLength());
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < settings.entropyLength(); i++) {
      random.append(ENTROPY_CHARACTERS.charAt(r.nextInt(ENTROPY_CHARACTERS.length())));
    }
    return location.replace(key, random);
  }

  /** With {@code s3.entropy.key}: the marker removed, a whole path segment with its slash. */
  @Override
  public String withoutEntropyMarker(String location) {
    String key = settings.entropyKey();
    if (key == null || !location.contains(key)) {
      return location;
    }
    return location.replace("/" + key + "/", "/").replace(key, "");
  }

  @Override
  public RecoverableWriter createRecoverableWriter() {
    return new S3RecoverableWriter(this);
  }
}
