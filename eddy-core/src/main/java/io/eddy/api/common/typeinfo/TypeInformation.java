package io.eddy.api.common.typeinfo;

import io.eddy.api.annotation.PublicEvolving;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.types.DynamicTypeInfo;
import io.eddy.core.internal.types.TypeExtractor;
import java.io.Serializable;

/**
 * What Eddy knows about the type of a stream's elements: the class, its generic structure where
 * known, and how to serialize it. Learned automatically from functions wherever possible (see
 * {@code TypeExtractor}); {@code returns(...)} on an operator overrides it.
 *
 * <p>A type whose class is not known at graph-build time (for example the output of a lambda whose
 * generic return type the compiler erased) is represented by {@link #unknown()}: its serializer
 * tags every value with its runtime class, which is correct for every type and only a little slower
 * than a statically known serializer.
 */
@PublicEvolving
public abstract class TypeInformation<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The erased class of the values ({@code Object.class} when unknown). */
  public abstract Class<T> getTypeClass();

  /** A serializer for values of this type. */
  public abstract TypeSerializer<T> createSerializer();

  /** Number of fields addressable by position (tuples, records, POJOs); 0 otherwise. */
  public int getArity() {
    return 0;
  }

  /** Whether this type was learned exactly (false for {@link #unknown()} and its parts). */
  public boolean isKnown() {
    return true;
  }

  /** The type of values of {@code typeClass}, analysed by the type extractor. */
  public static <T> TypeInformation<T> of(Class<T> typeClass) {
    return TypeExtractor.forClass(typeClass);
  }

  /** The type captured by a {@link TypeHint}, generic parameters included. */
  public static <T> TypeInformation<T> of(TypeHint<T> hint) {
    return hint.getTypeInfo();
  }

  /** A type learned at run time from each value's class. */
  @SuppressWarnings("unchecked")
  public static <T> TypeInformation<T> unknown() {
    return (TypeInformation<T>) DynamicTypeInfo.INSTANCE;
  }
}
