package io.eddy.core.internal.types;

import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.typeinfo.TypeInformation;
import java.lang.reflect.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns {@link TypeInformation} from classes, reflective types and user functions.
 *
 * <p>Classes map to: basic types (primitives, boxes, String), primitive and object arrays, enums,
 * {@code Tuple1..Tuple5}, {@code List}/{@code Map}, records, POJOs, and otherwise the generic Kryo
 * fallback. {@code Object}, interfaces, abstract classes, type variables and wildcards become
 * {@link DynamicTypeInfo}, as do generic parameters that are not given (a raw {@code Tuple2} is a
 * {@code Tuple2<Dynamic, Dynamic>}). Nothing here ever fails because of type erasure: what cannot
 * be learned is dynamic.
 */
public final class TypeExtractor {
  private static final Logger LOG = LoggerFactory.getLogger(TypeExtractor.class);

  private static final ClassValue<TypeInformation<?>> CLASS_CACHE =
      new ClassValue<>() {
        @Override
        protected TypeInformation<?> computeValue(Class<?> type) {
          return new TypeAnalyzer().analyzeClass(type, null);
        }
      };

  private TypeExtractor() {}

  /** The type of values of {@code type}; cached per class. */
  @SuppressWarnings("unchecked")
  public static <T> TypeInformation<T> forClass(Class<T> type) {
    return (TypeInformation<T>) CLASS_CACHE.get(type);
  }

  /**
   * The type of a reflective type, generic arguments included ({@code Tuple2<String, Long>}, {@code
   * Map<String, List<Long>>}); type variables and wildcards become dynamic.
   */
  @SuppressWarnings("unchecked")
  public static <T> TypeInformation<T> forType(Type type) {
    if (type instanceof Class<?> c) {
      return (TypeInformation<T>) forClass(c);
    }
    return (TypeInformation<T>) new TypeAnalyzer().analyze(type);
  }

  /**
   * The type of argument {@code outputTypeArgumentIndex} of {@code functionInterface} as {@code
   * function} implements it, e.g. {@code getOutputType(f, MapFunction.class, 1, inputType)}. Works
   * for named and anonymous classes (type variables bound through the hierarchy and, where an
   * interface argument is a variable, to the given input types) and for lambdas and method
   * references (see {@link LambdaTypes}). Returns {@link DynamicTypeInfo} when the type cannot be
   * learned; never throws for that reason.
   *
   * @param inputTypes {@code inputTypes[i]} is the known type of the interface's argument {@code
   *     i}, or null; may be shorter than the argument list
   */
  @SuppressWarnings("unchecked")
  public static <OUT> TypeInformation<OUT> getOutputType(
      java.io.Serializable function,
      Class<?> functionInterface,
      int outputTypeArgumentIndex,
      TypeInformation<?>... inputTypes) {
    if (outputTypeArgumentIndex < 0
        || outputTypeArgumentIndex >= functionInterface.getTypeParameters().length) {
      throw new IllegalArgumentException(
          functionInterface.getName() + " has no type argument " + outputTypeArgumentIndex);
    }
    TypeInformation<?> result;
    try {
      result = outputType(function, functionInterface, outputTypeArgumentIndex, inputTypes);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.debug("Cannot learn the output type of {}; treating it as dynamic", function, e);
      result = DynamicTypeInfo.INSTANCE;
    }
    return (TypeInformation<OUT>) result;
  }

  /** The key type of {@code keySelector} applied to elements of {@code inputType}. */
  public static <IN, KEY> TypeInformation<KEY> getKeyType(
      KeySelector<IN, KEY> keySelector, TypeInformation<IN> inputType) {
    return getOutputType(keySelector, KeySelector.class, 1, inputType);
  }

  private static TypeInformation<?> outputType(
      java.io.Serializable function,
      Class<?> functionInterface,
      int index,
      TypeInformation<?>[] inputTypes)
      throws ReflectiveOperationException {
    Class<?> type = function.getClass();
    if (LambdaTypes.isLambda(type)) {
      return LambdaTypes.outputType(function, functionInterface, index);
    }
    TypeInformation<?> fromHierarchy =
        HierarchyTypes.argumentType(
            type,
            functionInterface,
            index,
            inputTypes == null ? new TypeInformation<?>[0] : inputTypes);
    return fromHierarchy != null ? fromHierarchy : DynamicTypeInfo.INSTANCE;
  }
}
