package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.java.tuple.Tuple;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Learns a type argument of a generic interface from the class hierarchy of an implementing class
 * (named or anonymous), e.g. {@code O} of {@code MapFunction<T, O>} for {@code class Tokenizer
 * implements MapFunction<String, Tuple2<String, Long>>}. Type variables still open after the walk
 * are bound to the known input types where the interface's input arguments name them.
 */
final class HierarchyTypes {
  private HierarchyTypes() {}

  /**
   * The type of argument {@code index} of {@code target} as implemented by {@code type}, or null if
   * {@code type} does not implement it; {@code inputs[i]} is the known type of argument {@code i}
   * (null when unknown).
   */
  static TypeInformation<?> argumentType(
      Class<?> type, Class<?> target, int index, TypeInformation<?>[] inputs) {
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    Type argument = findArgument(type, target, index, bindings);
    if (argument == null) {
      return null;
    }
    Map<TypeVariable<?>, TypeInformation<?>> inputBindings = new HashMap<>();
    int arguments = target.getTypeParameters().length;
    for (int i = 0; i < inputs.length && i < arguments; i++) {
      if (inputs[i] != null && inputs[i].isKnown()) {
        Type input = findArgument(type, target, i, bindings);
        bindInput(chase(input, bindings), inputs[i], bindings, inputBindings);
      }
    }
    return new TypeAnalyzer(bindings, inputBindings, new HashSet<>()).analyze(argument);
  }

  /** Walks supertypes down to {@code target}, recording every type argument met on the way. */
  private static Type findArgument(
      Type type, Class<?> target, int index, Map<TypeVariable<?>, Type> bindings) {
    Class<?> raw = erase(type);
    if (raw == null || !target.isAssignableFrom(raw)) {
      return null;
    }
    if (type instanceof ParameterizedType p) {
      TypeVariable<?>[] variables = raw.getTypeParameters();
      Type[] args = p.getActualTypeArguments();
      for (int i = 0; i < variables.length; i++) {
        bindings.put(variables[i], args[i]);
      }
    }
    if (raw == target) {
      return target.getTypeParameters()[index];
    }
    Type superclass = raw.getGenericSuperclass();
    Type found = superclass == null ? null : findArgument(superclass, target, index, bindings);
    for (Type superInterface : raw.getGenericInterfaces()) {
      if (found != null) {
        break;
      }
      found = findArgument(superInterface, target, index, bindings);
    }
    return found;
  }

  private static Class<?> erase(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return null;
  }

  private static Type chase(Type type, Map<TypeVariable<?>, Type> bindings) {
    for (int hops = 0;
        hops < 64 && type instanceof TypeVariable<?> v && bindings.containsKey(v);
        hops++) {
      type = bindings.get(v);
    }
    return type;
  }

  /** Matches a declared input type against a known input type, binding its open variables. */
  private static void bindInput(
      Type declared,
      TypeInformation<?> known,
      Map<TypeVariable<?>, Type> bindings,
      Map<TypeVariable<?>, TypeInformation<?>> inputBindings) {
    declared = chase(declared, bindings);
    if (declared instanceof TypeVariable<?> v) {
      inputBindings.putIfAbsent(v, known);
    } else if (declared instanceof GenericArrayType g
        && known instanceof ObjectArrayTypeInfo<?> a) {
      bindInput(g.getGenericComponentType(), a.getComponentType(), bindings, inputBindings);
    } else if (declared instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (Tuple.class.isAssignableFrom(raw)
          && known instanceof TupleTypeInfo<?> tuple
          && tuple.getArity() == args.length) {
        for (int i = 0; i < args.length; i++) {
          bindInput(args[i], tuple.getFieldType(i), bindings, inputBindings);
        }
      } else if (List.class.isAssignableFrom(raw) && known instanceof ListTypeInfo<?> list) {
        bindInput(args[0], list.getElementType(), bindings, inputBindings);
      } else if (Map.class.isAssignableFrom(raw)
          && args.length == 2
          && known instanceof MapTypeInfo<?, ?> map) {
        bindInput(args[0], map.getKeyType(), bindings, inputBindings);
        bindInput(args[1], map.getValueType(), bindings, inputBindings);
      }
    }
  }
}
