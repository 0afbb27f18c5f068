package io.eddy.api.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.eddy.api.annotation.Internal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The API line: what user code can see of a class in {@code io.eddy.api} (its supertypes and its
 * public and protected constructors, methods and fields) names no internal type, that is no type in
 * {@code io.eddy.core}, in an {@code internal} package or in {@code io.eddy.runtime}, and no type
 * annotated {@link Internal}. Nothing is frozen or excepted.
 */
class ApiSignaturesTest {

  private static final JavaClasses API =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.eddy.api");

  static final ArchRule API_SIGNATURES_EXPOSE_NO_INTERNAL_TYPE =
      classes()
          .that()
          .resideInAPackage("io.eddy.api..")
          .and(visible())
          .should(exposeNoInternalType());

  @Test
  void apiSignaturesExposeNoInternalType() {
    API_SIGNATURES_EXPOSE_NO_INTERNAL_TYPE.check(API);
  }

  static boolean isInternal(JavaClass type) {
    JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
    String pkg = base.getPackageName();
    return pkg.equals("io.eddy.core")
        || pkg.startsWith("io.eddy.core.")
        || pkg.equals("io.eddy.runtime")
        || pkg.startsWith("io.eddy.runtime.")
        || pkg.endsWith(".internal")
        || pkg.contains(".internal.")
        || base.isAnnotatedWith(Internal.class);
  }

  /** Public, and if nested, nested only in public classes (and not anonymous or local). */
  private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> visible() {
    return com.tngtech.archunit.base.DescribedPredicate.describe(
        "are visible to user code",
        c -> {
          for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (!k.getModifiers().contains(JavaModifier.PUBLIC)
                || k.isAnonymousClass()
                || k.isLocalClass()) {
              return false;
            }
          }
          return true;
        });
  }

  private static boolean exposed(Set<JavaModifier> modifiers) {
    return (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED))
        && !modifiers.contains(JavaModifier.SYNTHETIC)
        && !modifiers.contains(JavaModifier.BRIDGE);
  }

  private static ArchCondition<JavaClass> exposeNoInternalType() {
    return new ArchCondition<>("expose no internal type in their signatures") {
      @Override
      public void check(JavaClass c, ConditionEvents events) {
        List<String> leaks = new ArrayList<>();
        c.getSuperclass().ifPresent(t -> collect(t, "extends", leaks));
        for (JavaType t : c.getInterfaces()) {
          collect(t, "implements", leaks);
        }
        for (JavaField f : c.getFields()) {
          if (exposed(f.getModifiers())) {
            collect(f.getType(), "field " + f.getName(), leaks);
          }
        }
        for (JavaCodeUnit u : c.getCodeUnits()) {
          if (!exposed(u.getModifiers())) {
            continue;
          }
          String where = u.isConstructor() ? "constructor" : "method " + u.getName();
          collect(u.getReturnType(), where + " returns", leaks);
          for (JavaType p : u.getParameterTypes()) {
            collect(p, where + " takes", leaks);
          }
          for (JavaClass thrown : u.getThrowsClause().getTypes()) {
            collect(thrown, where + " throws", leaks);
          }
        }
        for (String leak : leaks) {
          events.add(SimpleConditionEvent.violated(c, c.getName() + ": " + leak));
        }
      }
    };
  }

  private static void collect(JavaType type, String where, List<String> leaks) {
    for (JavaClass involved : type.getAllInvolvedRawTypes()) {
      if (isInternal(involved)) {
        leaks.add(where + " " + involved.getName());
      }
    }
  }
}
