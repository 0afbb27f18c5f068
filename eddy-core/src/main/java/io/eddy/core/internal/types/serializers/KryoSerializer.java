package io.eddy.core.internal.types.serializers;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.util.DefaultInstantiatorStrategy;
import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import java.io.IOException;
import org.objenesis.strategy.StdInstantiatorStrategy;

/**
 * The generic fallback for classes that are neither basic types, tuples, records nor POJOs: Kryo
 * with class registration off and references on. Each value is written as a var-int length and the
 * Kryo bytes (class included, so subclasses and null round-trip). Kryo is not thread-safe, so
 * {@link #duplicate()} returns a fresh serializer; the Kryo instance is created lazily.
 */
public final class KryoSerializer<T> extends TypeSerializer<T> {
  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private transient Kryo kryo;
  private transient Output output;
  private transient Input input;
  private transient byte[] readBuffer;

  /** A serializer for values of {@code type}; logs the fallback warning once per class. */
  public KryoSerializer(Class<T> type) {
    this.type = type;
    GenericFallbackWarning.warnOnce(type);
  }

  private Kryo kryo() {
    if (kryo == null) {
      kryo = new Kryo();
      kryo.setRegistrationRequired(false);
      kryo.setReferences(true);
      kryo.setInstantiatorStrategy(new DefaultInstantiatorStrategy(new StdInstantiatorStrategy()));
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      kryo.setClassLoader(loader != null ? loader : type.getClassLoader());
      output = new Output(256, -1);
      input = new Input();
      readBuffer = new byte[256];
    }
    return kryo;
  }

  @Override
  public void serialize(T value, DataOutputView out) throws IOException {
    Kryo k = kryo();
    output.reset();
    k.writeClassAndObject(output, value);
    out.writeVarInt(output.position());
    out.write(output.getBuffer(), 0, output.position());
  }

  @Override
  public T deserialize(DataInputView in) throws IOException {
    Kryo k = kryo();
    int length = in.readVarInt();
    if (readBuffer.length < length) {
      readBuffer = new byte[Math.max(length, 2 * readBuffer.length)];
    }
    in.readFully(readBuffer, 0, length);
    input.setBuffer(readBuffer, 0, length);
    return type.cast(k.readClassAndObject(input));
  }

  @Override
  public T copy(T value) {
    return value == null ? null : kryo().copy(value);
  }

  @Override
  public boolean acceptsNull() {
    return true;
  }

  @Override
  public TypeSerializer<T> duplicate() {
    return new KryoSerializer<>(type);
  }
}
