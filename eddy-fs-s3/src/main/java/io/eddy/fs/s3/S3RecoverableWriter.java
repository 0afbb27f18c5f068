package io.eddy.fs.s3;

import io.eddy.api.fs.RecoverableWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Recoverable files on S3 as multipart uploads. A file's upload starts when it opens; full parts go
 * up as they fill. A persist also stores the not yet full last part as a small "tail" object under
 * {@code .eddy-inprogress/} at the bucket's root (S3 parts but the last must be at least 5 MiB),
 * and the token records the upload, its parts and the tail. Resume downloads the tail and continues
 * the same upload; commit completes it, so the object is invisible until its checkpoint commits.
 *
 * <p>Tokens (version 1): kind ('R' resume, 'C' commit), version, key, upload id, the parts (number,
 * ETag), then for a resume token the tail's key ("" for none), its length and the position. An
 * upload id "" marks an empty file (committed as an empty PUT).
 */
final class S3RecoverableWriter implements RecoverableWriter {
  static final String TAIL_PREFIX = ".eddy-inprogress/";
  private static final int VERSION = 1;

  private final S3FileSystem fs;

  S3RecoverableWriter(S3FileSystem fs) {
    this.fs = fs;
  }

  @Override
  public RecoverableStream open(String finalLocation) throws IOException {
    String key = fs.key(finalLocation);
    return new S3RecoverableStream(fs, MultipartUpload.start(fs, key), new byte[0], 0, 0);
  }

  @Override
  public RecoverableStream resume(byte[] resumeToken) throws IOException {
    Token token = Token.read(resumeToken, true);
    byte[] tail = new byte[0];
    if (!token.tailKey.isEmpty()) {
      try (InputStream in = fs.open(fs.location(token.tailKey))) {
        tail = in.readAllBytes();
      } catch (java.io.FileNotFoundException e) {
        throw new IOException(
            "The in-progress upload of "
                + fs.location(token.key)
                + " lost its checkpointed tail "
                + fs.location(token.tailKey));
      }
      if (tail.length != token.tailLength) {
        throw new IOException(
            "The checkpointed tail of " + fs.location(token.key) + " has the wrong length");
      }
    }
    MultipartUpload upload = MultipartUpload.resume(fs, token.key, token.uploadId, token.parts);
    return new S3RecoverableStream(fs, upload, tail, tail.length, token.position);
  }

  @Override
  public void commit(byte[] commitToken) throws IOException {
    Token token = Token.read(commitToken, false);
    if (token.uploadId.isEmpty()) {
      if (fs.head(token.key).isEmpty()) {
        try {
          fs.client().putObject(b -> b.bucket(fs.bucket()).key(token.key), RequestBody.empty());
        } catch (SdkException e) {
          throw fs.error(fs.location(token.key), e);
        }
      }
      return;
    }
    MultipartUpload.resume(fs, token.key, token.uploadId, token.parts).complete();
  }

  @Override
  public void cleanup(byte[] resumeToken) throws IOException {
    Token token = Token.read(resumeToken, true);
    if (!token.tailKey.isEmpty()) {
      fs.delete(fs.location(token.tailKey), false);
    }
  }

  @Override
  public String finalLocation(byte[] token) throws IOException {
    return fs.location(Token.read(token, token.length > 0 && token[0] == 'R').key);
  }

  private record Token(
      String key,
      String uploadId,
      List<CompletedPart> parts,
      String tailKey,
      int tailLength,
      long position) {

    byte[] write(boolean resume) throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (DataOutputStream out = new DataOutputStream(bytes)) {
        out.writeByte(resume ? 'R' : 'C');
        out.writeByte(VERSION);
        out.writeUTF(key);
        out.writeUTF(uploadId);
        out.writeInt(parts.size());
        for (CompletedPart part : parts) {
          out.writeInt(part.partNumber());
          out.writeUTF(part.eTag());
        }
        if (resume) {
          out.writeUTF(tailKey);
          out.writeInt(tailLength);
          out.writeLong(position);
        }
      }
      return bytes.toByteArray();
    }

    static Token read(byte[] token, boolean resume) throws IOException {
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(token))) {
        int kind = in.readByte();
        int version = in.readByte();
        if (kind != (resume ? 'R' : 'C') || version != VERSION) {
          throw new IOException(
              "Not a " + (resume ? "resume" : "commit") + " token of the S3 file system");
        }
        String key = in.readUTF();
        String uploadId = in.readUTF();
        int count = in.readInt();
        List<CompletedPart> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          int number = in.readInt();
          parts.add(CompletedPart.builder().partNumber(number).eTag(in.readUTF()).build());
        }
        if (!resume) {
          return new Token(key, uploadId, parts, "", 0, -1);
        }
        return new Token(key, uploadId, parts, in.readUTF(), in.readInt(), in.readLong());
      }
    }
  }

  /** A file being uploaded; one thread. */
  private static final class S3RecoverableStream extends RecoverableStream {
    private final S3FileSystem fs;
    private final MultipartUpload upload;
    private final byte[] buffer;
    private int count;
    private long position;

    S3RecoverableStream(
        S3FileSystem fs, MultipartUpload upload, byte[] tail, int tailLength, long position) {
      this.fs = fs;
      this.upload = upload;
      this.buffer = new byte[fs.settings().partSize()];
      System.arraycopy(tail, 0, buffer, 0, tailLength);
      this.count = tailLength;
      this.position = position;
    }

    @Override
    public void write(int b) throws IOException {
      if (count == buffer.length) {
        flushPart();
      }
      buffer[count++] = (byte) b;
      position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        if (count == buffer.length) {
          flushPart();
        }
        int n = Math.min(len, buffer.length - count);
        System.arraycopy(b, off, buffer, count, n);
        count += n;
        off += n;
        len -= n;
        position += n;
      }
    }

    private void flushPart() throws IOException {
      upload.uploadPart(buffer, count);
      count = 0;
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public byte[] persist() throws IOException {
      String tailKey = "";
      if (count > 0) {
        tailKey = TAIL_PREFIX + UUID.randomUUID();
        byte[] tail = new byte[count];
        System.arraycopy(buffer, 0, tail, 0, count);
        String key = tailKey;
        try {
          fs.client().putObject(b -> b.bucket(fs.bucket()).key(key), RequestBody.fromBytes(tail));
        } catch (SdkException e) {
          throw fs.error(fs.location(key), e);
        }
      }
      return new Token(upload.key(), upload.uploadId(), upload.parts(), tailKey, count, position)
          .write(true);
    }

    @Override
    public byte[] closeForCommit() throws IOException {
      if (position == 0) {
        upload.abort();
        return new Token(upload.key(), "", List.of(), "", 0, 0).write(false);
      }
      if (count > 0) {
        flushPart(); // the last part may be smaller than the minimum
      }
      return new Token(upload.key(), upload.uploadId(), upload.parts(), "", 0, position)
          .write(false);
    }

    /** Closes without committing: the upload stays for a resume (or the bucket's lifecycle). */
    @Override
    public void close() {}
  }
}
