package io.eddy.core.internal.types;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.java.tuple.Tuple;
import io.eddy.core.internal.types.reflect.PojoAnalysis;
import io.eddy.core.internal.types.reflect.PojoProperty;
import io.eddy.core.internal.types.reflect.RecordAccess;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a reflective {@link Type} into a {@link TypeInformation} within one scope of type-variable
 * bindings. A variable is resolved through {@code typeBindings} (variable to type, as found in a
 * class hierarchy), then {@code infoBindings} (variable to an already known type); an unbound
 * variable, a wildcard, or a class that refers back to itself becomes {@link DynamicTypeInfo}.
 */
final class TypeAnalyzer {
  private final Map<TypeVariable<?>, Type> typeBindings;
  private final Map<TypeVariable<?>, TypeInformation<?>> infoBindings;
  private final Set<Class<?>> inProgress;

  TypeAnalyzer() {
    this(Map.of(), new HashMap<>(), new HashSet<>());
  }

  TypeAnalyzer(
      Map<TypeVariable<?>, Type> typeBindings,
      Map<TypeVariable<?>, TypeInformation<?>> infoBindings,
      Set<Class<?>> inProgress) {
    this.typeBindings = typeBindings;
    this.infoBindings = infoBindings;
    this.inProgress = inProgress;
  }

  TypeInformation<?> analyze(Type type) {
    if (type instanceof Class<?> c) {
      return analyzeClass(c, null);
    }
    if (type instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments();
      TypeInformation<?>[] argInfos = new TypeInformation<?>[args.length];
      for (int i = 0; i < args.length; i++) {
        argInfos[i] = analyze(args[i]);
      }
      return analyzeClass((Class<?>) p.getRawType(), argInfos);
    }
    if (type instanceof GenericArrayType g) {
      return new ObjectArrayTypeInfo<>(analyze(g.getGenericComponentType()));
    }
    if (type instanceof TypeVariable<?> v) {
      return resolve(v);
    }
    return DynamicTypeInfo.INSTANCE; // wildcards
  }

  private TypeInformation<?> resolve(TypeVariable<?> variable) {
    TypeVariable<?> current = variable;
    for (int hops = 0; hops < 64; hops++) {
      Type bound = typeBindings.get(current);
      if (bound == null) {
        TypeInformation<?> info = infoBindings.get(current);
        return info != null ? info : DynamicTypeInfo.INSTANCE;
      }
      if (!(bound instanceof TypeVariable<?> next)) {
        return analyze(bound);
      }
      current = next;
    }
    return DynamicTypeInfo.INSTANCE;
  }

  /** The type of {@code type} with its type parameters bound to {@code args} (null if raw). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  TypeInformation<?> analyzeClass(Class<?> type, TypeInformation<?>[] args) {
    TypeInformation<?> basic = BasicTypeInfo.forClass(type);
    if (basic != null) {
      return basic;
    }
    if (type.isArray()) {
      TypeInformation<?> primitiveArray = PrimitiveArrayTypeInfo.forClass(type);
      return primitiveArray != null
          ? primitiveArray
          : new ObjectArrayTypeInfo<>(analyzeClass(type.getComponentType(), null));
    }
    if (type.isEnum()) {
      return new EnumTypeInfo(type);
    }
    if (type.getSuperclass() != null && type.getSuperclass().isEnum()) {
      return new EnumTypeInfo(type.getSuperclass()); // a constant with a body
    }
    if (Tuple.class.isAssignableFrom(type) && isExactTuple(type)) {
      int arity = type.getTypeParameters().length;
      TypeInformation<?>[] fields = new TypeInformation<?>[arity];
      for (int i = 0; i < arity; i++) {
        fields[i] = arg(args, i);
      }
      return new TupleTypeInfo<>(fields);
    }
    if (type == List.class || type == ArrayList.class || type == Collection.class) {
      return new ListTypeInfo<>(arg(args, 0));
    }
    if (type == Map.class || type == HashMap.class || type == LinkedHashMap.class) {
      return new MapTypeInfo<>(arg(args, 0), arg(args, 1));
    }
    if (type == Object.class
        || type.isInterface()
        || Modifier.isAbstract(type.getModifiers())
        || inProgress.contains(type)) {
      return DynamicTypeInfo.INSTANCE;
    }
    inProgress.add(type);
    try {
      if (type.isRecord()) {
        return analyzeRecord(type, args);
      }
      if (PojoAnalysis.of(type).isPojo()) {
        return analyzePojo(type, args);
      }
      return new GenericTypeInfo<>(type);
    } finally {
      inProgress.remove(type);
    }
  }

  private static boolean isExactTuple(Class<?> type) {
    int arity = type.getTypeParameters().length;
    return arity >= 1 && arity <= 5 && Tuple.getTupleClass(arity) == type;
  }

  private static TypeInformation<?> arg(TypeInformation<?>[] args, int index) {
    return args == null || index >= args.length ? DynamicTypeInfo.INSTANCE : args[index];
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private TypeInformation<?> analyzeRecord(Class<?> type, TypeInformation<?>[] args) {
    TypeAnalyzer scope = classScope(type, args);
    RecordAccess access = RecordAccess.of(type);
    TypeInformation<?>[] fields = new TypeInformation<?>[access.arity()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = scope.analyze(access.genericType(i));
    }
    return new RecordTypeInfo(type, fields);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private TypeInformation<?> analyzePojo(Class<?> type, TypeInformation<?>[] args) {
    TypeAnalyzer scope = classScope(type, args);
    scope.bindSuperclasses(type);
    List<PojoProperty> properties = PojoAnalysis.of(type).properties();
    TypeInformation<?>[] fields = new TypeInformation<?>[properties.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = scope.analyze(properties.get(i).genericType());
    }
    return new PojoTypeInfo(type, fields);
  }

  /** A fresh scope binding the type parameters of {@code type} to {@code args}. */
  private TypeAnalyzer classScope(Class<?> type, TypeInformation<?>[] args) {
    Map<TypeVariable<?>, TypeInformation<?>> bindings = new HashMap<>();
    TypeVariable<?>[] variables = type.getTypeParameters();
    for (int i = 0; i < variables.length; i++) {
      bindings.put(variables[i], arg(args, i));
    }
    return new TypeAnalyzer(Map.of(), bindings, inProgress);
  }

  /** Binds the type parameters of every generic superclass, so inherited fields resolve. */
  private void bindSuperclasses(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      if (c.getGenericSuperclass() instanceof ParameterizedType p) {
        TypeVariable<?>[] variables = ((Class<?>) p.getRawType()).getTypeParameters();
        Type[] args = p.getActualTypeArguments();
        for (int i = 0; i < variables.length; i++) {
          infoBindings.put(variables[i], analyze(args[i]));
        }
      }
    }
  }
}
