package io.eddy.core.internal.join;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.DataInputView;
import io.eddy.api.common.typeutils.DataOutputView;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.datastream.TaggedUnion;
import java.io.IOException;

/** The type of a {@link TaggedUnion}: a tag byte, then the value with its side's serializer. */
public final class TaggedUnionTypeInfo<T1, T2> extends TypeInformation<TaggedUnion<T1, T2>> {
  private static final long serialVersionUID = 1L;
  private final TypeInformation<T1> one;
  private final TypeInformation<T2> two;

  public TaggedUnionTypeInfo(TypeInformation<T1> one, TypeInformation<T2> two) {
    this.one = one;
    this.two = two;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<TaggedUnion<T1, T2>> getTypeClass() {
    return (Class) TaggedUnion.class;
  }

  @Override
  public TypeSerializer<TaggedUnion<T1, T2>> createSerializer() {
    return new Serializer<>(one.createSerializer(), two.createSerializer());
  }

  @Override
  public String toString() {
    return "TaggedUnion<" + one + ", " + two + ">";
  }

  private static final class Serializer<T1, T2> extends TypeSerializer<TaggedUnion<T1, T2>> {
    private static final long serialVersionUID = 1L;
    private final TypeSerializer<T1> one;
    private final TypeSerializer<T2> two;

    Serializer(TypeSerializer<T1> one, TypeSerializer<T2> two) {
      this.one = one;
      this.two = two;
    }

    @Override
    public void serialize(TaggedUnion<T1, T2> value, DataOutputView out) throws IOException {
      if (value.isOne()) {
        out.writeByte(1);
        one.serialize(value.getOne(), out);
      } else {
        out.writeByte(2);
        two.serialize(value.getTwo(), out);
      }
    }

    @Override
    public TaggedUnion<T1, T2> deserialize(DataInputView in) throws IOException {
      byte tag = in.readByte();
      return switch (tag) {
        case 1 -> TaggedUnion.one(one.deserialize(in));
        case 2 -> TaggedUnion.two(two.deserialize(in));
        default -> throw new IOException("Corrupt tagged union: tag " + tag);
      };
    }

    @Override
    public TaggedUnion<T1, T2> copy(TaggedUnion<T1, T2> value) {
      return value.isOne()
          ? TaggedUnion.one(one.copy(value.getOne()))
          : TaggedUnion.two(two.copy(value.getTwo()));
    }

    @Override
    public TypeSerializer<TaggedUnion<T1, T2>> duplicate() {
      TypeSerializer<T1> d1 = one.duplicate();
      TypeSerializer<T2> d2 = two.duplicate();
      return d1 == one && d2 == two ? this : new Serializer<>(d1, d2);
    }
  }
}
