package io.eddy.core.internal.types;

import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.typeinfo.TypeInformation;
import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Learns the output type of a serializable lambda or method reference from its {@link
 * SerializedLambda}: the implementation method's generic return type for a method reference
 * (exact), its erased return type for a lambda body (exact for non-generic classes, the structure
 * with dynamic parameters for generic ones), or the {@code Collector<O>} parameter of a method
 * reference for outputs emitted through a collector. Anything else is {@link DynamicTypeInfo}.
 */
final class LambdaTypes {
  private LambdaTypes() {}

  /** Whether {@code type} is a class the JVM generated for a lambda or method reference. */
  static boolean isLambda(Class<?> type) {
    return type.isSynthetic() && type.getName().contains("$$Lambda");
  }

  static TypeInformation<?> outputType(Object function, Class<?> functionInterface, int index)
      throws ReflectiveOperationException {
    SerializedLambda lambda = serializedLambda(function);
    if (lambda == null) {
      return DynamicTypeInfo.INSTANCE;
    }
    ClassLoader loader = function.getClass().getClassLoader();
    Class<?> implClass = Class.forName(lambda.getImplClass().replace('/', '.'), false, loader);
    TypeVariable<?> output = functionInterface.getTypeParameters()[index];
    boolean returnsOutput =
        output.equals(singleAbstractMethod(functionInterface).getGenericReturnType());
    if ("<init>".equals(lambda.getImplMethodName())) { // Foo::new
      return returnsOutput ? TypeExtractor.forClass(implClass) : DynamicTypeInfo.INSTANCE;
    }
    Method method =
        findMethod(implClass, lambda.getImplMethodName(), lambda.getImplMethodSignature());
    if (method == null) {
      return DynamicTypeInfo.INSTANCE;
    }
    boolean lambdaBody = method.isSynthetic() || method.getName().startsWith("lambda$");
    if (returnsOutput) {
      return lambdaBody
          ? TypeExtractor.forClass(method.getReturnType())
          : TypeExtractor.forType(method.getGenericReturnType());
    }
    return lambdaBody ? DynamicTypeInfo.INSTANCE : collectorType(method);
  }

  private static SerializedLambda serializedLambda(Object function)
      throws ReflectiveOperationException {
    for (Class<?> c = function.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Method writeReplace = c.getDeclaredMethod("writeReplace");
        writeReplace.setAccessible(true);
        Object replacement = writeReplace.invoke(function);
        return replacement instanceof SerializedLambda s ? s : null;
      } catch (NoSuchMethodException e) {
        // look in the superclass
      }
    }
    return null;
  }

  private static Method singleAbstractMethod(Class<?> functionInterface) {
    for (Method method : functionInterface.getMethods()) {
      if (Modifier.isAbstract(method.getModifiers())) {
        return method;
      }
    }
    throw new IllegalArgumentException(functionInterface.getName() + " has no abstract method");
  }

  /** The method {@code name} with the JVM descriptor {@code descriptor} in the hierarchy. */
  private static Method findMethod(Class<?> type, String name, String descriptor) {
    Deque<Class<?>> pending = new ArrayDeque<>();
    pending.add(type);
    while (!pending.isEmpty()) {
      Class<?> c = pending.poll();
      for (Method method : c.getDeclaredMethods()) {
        if (method.getName().equals(name) && descriptor(method).equals(descriptor)) {
          return method;
        }
      }
      if (c.getSuperclass() != null) {
        pending.add(c.getSuperclass());
      }
      pending.addAll(java.util.List.of(c.getInterfaces()));
    }
    return null;
  }

  private static String descriptor(Method method) {
    return MethodType.methodType(method.getReturnType(), method.getParameterTypes())
        .toMethodDescriptorString();
  }

  /** {@code O} of the method's {@code Collector<O>} parameter, if it has exactly one. */
  private static TypeInformation<?> collectorType(Method method) {
    Type found = null;
    for (Type parameter : method.getGenericParameterTypes()) {
      if (parameter instanceof ParameterizedType p && p.getRawType() == Collector.class) {
        if (found != null) {
          return DynamicTypeInfo.INSTANCE;
        }
        found = p.getActualTypeArguments()[0];
      }
    }
    return found == null ? DynamicTypeInfo.INSTANCE : TypeExtractor.forType(found);
  }
}
