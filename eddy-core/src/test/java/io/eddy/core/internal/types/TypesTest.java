package io.eddy.core.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.core.internal.types.Fixtures.Color;
import io.eddy.core.internal.types.Fixtures.Opaque;
import io.eddy.core.internal.types.Fixtures.Person;
import io.eddy.core.internal.types.serializers.SerializerAssertions;
import org.junit.jupiter.api.Test;

class TypesTest {

  @Test
  void namesAndEquality() {
    assertThat(Types.TUPLE(Types.STRING, Types.LIST(Types.LONG)))
        .hasToString("Tuple2<String, List<Long>>")
        .isEqualTo(Types.TUPLE(Types.STRING, Types.LIST(Types.LONG)))
        .hasSameHashCodeAs(Types.TUPLE(Types.STRING, Types.LIST(Types.LONG)))
        .isNotEqualTo(Types.TUPLE(Types.STRING, Types.LIST(Types.INT)));
    assertThat(Types.MAP(Types.STRING, Types.DOUBLE)).hasToString("Map<String, Double>");
    assertThat(Types.OBJECT_ARRAY(Types.STRING)).hasToString("String[]");
    assertThat(Types.PRIMITIVE_ARRAY(Types.INT).getTypeClass()).isEqualTo(int[].class);
    assertThat(Types.ENUM(Color.class)).hasToString("Color");
    assertThat(TypeInformation.unknown()).hasToString("Dynamic");
    assertThat(TypeInformation.unknown().isKnown()).isFalse();
    assertThat(Types.TUPLE(Types.STRING, TypeInformation.unknown()).isKnown()).isFalse();
  }

  @Test
  void typesSurviveJavaSerializationWithEquality() {
    TypeInformation<?> type = Types.TUPLE(Types.STRING, Types.POJO(Person.class));
    assertThat(SerializerAssertions.javaRoundTrip(type)).isEqualTo(type);
    assertThat(SerializerAssertions.javaRoundTrip(TypeInformation.unknown()))
        .isSameAs(TypeInformation.unknown());
  }

  @Test
  void pojoRejectsNonPojos() {
    assertThatThrownBy(() -> Types.POJO(Opaque.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a POJO: it has no public no-arg constructor");
  }
}
