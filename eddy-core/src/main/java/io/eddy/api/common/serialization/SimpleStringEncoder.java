package io.eddy.api.common.serialization;

import io.eddy.api.annotation.PublicEvolving;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/** Writes each record's {@code toString()} followed by {@code '\n'}, in UTF-8 unless told. */
@PublicEvolving
public final class SimpleStringEncoder<IN> implements Encoder<IN> {
  private static final long serialVersionUID = 1L;
  // Charset is not serializable; keep its name
  private final String charsetName;
  private transient Charset charset;

  public SimpleStringEncoder() {
    this(StandardCharsets.UTF_8.name());
  }

  public SimpleStringEncoder(String charsetName) {
    this.charset = Charset.forName(charsetName); // fails here on an unknown name
    this.charsetName = charsetName;
  }

  @Override
  public void encode(IN element, OutputStream stream) throws IOException {
    if (charset == null) {
      charset = Charset.forName(charsetName);
    }
    stream.write(String.valueOf(element).getBytes(charset));
    stream.write('\n');
  }
}
