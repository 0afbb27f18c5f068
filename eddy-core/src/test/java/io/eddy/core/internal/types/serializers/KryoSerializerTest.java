package io.eddy.core.internal.types.serializers;

import static io.eddy.core.internal.types.serializers.SerializerAssertions.assertRoundTrip;
import static io.eddy.core.internal.types.serializers.SerializerAssertions.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.core.internal.types.Fixtures.Opaque;
import io.eddy.core.internal.types.GenericTypeInfo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class KryoSerializerTest {

  /** A class only this test uses, so the once-per-class warning is certainly not logged yet. */
  static final class OnlyForWarningTest {
    private final int value;

    OnlyForWarningTest(int value) {
      this.value = value;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof OnlyForWarningTest other && other.value == value;
    }

    @Override
    public int hashCode() {
      return Objects.hash(value);
    }
  }

  @Test
  void nonPojoClassesUseKryo() {
    TypeInformation<Opaque> type = TypeInformation.of(Opaque.class);
    assertThat(type).isInstanceOf(GenericTypeInfo.class).hasToString("Generic<Opaque>");
    TypeSerializer<Opaque> serializer = type.createSerializer();
    assertRoundTrip(serializer, new Opaque("s"));
    assertThat(roundTrip(serializer, null)).isNull();
    assertThat(serializer.duplicate()).isNotSameAs(serializer);
  }

  @Test
  void warnsOncePerClass() {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      TypeSerializer<OnlyForWarningTest> serializer =
          new GenericTypeInfo<>(OnlyForWarningTest.class).createSerializer();
      serializer.duplicate();
      assertRoundTrip(serializer, new OnlyForWarningTest(3));
      assertThat(GenericFallbackWarning.warnOnce(OnlyForWarningTest.class)).isFalse();
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    String name = OnlyForWarningTest.class.getName();
    assertThat(log.split(java.util.regex.Pattern.quote(name), -1)).hasSize(2);
    assertThat(log)
        .contains("WARN")
        .contains("generic (Kryo) fallback")
        .contains("record, or a POJO");
  }
}
