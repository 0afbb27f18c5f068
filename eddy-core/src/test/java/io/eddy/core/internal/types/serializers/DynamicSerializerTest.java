package io.eddy.core.internal.types.serializers;

import static io.eddy.core.internal.types.serializers.SerializerAssertions.assertRoundTrip;
import static io.eddy.core.internal.types.serializers.SerializerAssertions.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.java.tuple.Tuple1;
import io.eddy.api.java.tuple.Tuple2;
import io.eddy.api.java.tuple.Tuple3;
import io.eddy.api.java.tuple.Tuple4;
import io.eddy.api.java.tuple.Tuple5;
import io.eddy.core.internal.memory.DataOutputSerializer;
import io.eddy.core.internal.types.Fixtures.Address;
import io.eddy.core.internal.types.Fixtures.Color;
import io.eddy.core.internal.types.Fixtures.Holder;
import io.eddy.core.internal.types.Fixtures.Node;
import io.eddy.core.internal.types.Fixtures.Opaque;
import io.eddy.core.internal.types.Fixtures.Person;
import io.eddy.core.internal.types.Fixtures.Point;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DynamicSerializerTest {

  private final TypeSerializer<Object> serializer = TypeInformation.unknown().createSerializer();

  @Test
  void nullAndBasicTypes() {
    assertThat(serializer.acceptsNull()).isTrue();
    assertThat(roundTrip(serializer, null)).isNull();
    for (Object value :
        new Object[] {1L, 2, (short) 3, (byte) 4, 5.5, 6.5f, true, 'c', "s", "ünï"}) {
      assertThat(roundTrip(serializer, value)).isEqualTo(value).hasSameClassAs(value);
    }
    assertThat((byte[]) roundTrip(serializer, new byte[] {1, 2})).containsExactly(1, 2);
  }

  @Test
  void basicValuesTakeATagByteAndTheirPayload() throws Exception {
    DataOutputSerializer out = new DataOutputSerializer(16);
    serializer.serialize(7L, out);
    assertThat(out.length()).isEqualTo(9);
  }

  @Test
  void tuplesOfEveryArityWithNullFields() {
    assertRoundTrip(serializer, Tuple1.of("a"));
    assertRoundTrip(serializer, Tuple2.of(null, 1L));
    assertRoundTrip(serializer, Tuple3.of(1, 2, 3));
    assertRoundTrip(serializer, Tuple4.of("a", null, 2.0, 'x'));
    assertRoundTrip(serializer, Tuple5.of(1, 2, 3, 4, Tuple2.of("nested", 5)));
  }

  @Test
  void tupleOfStringAndListOfMaps() {
    Map<String, Long> first = new HashMap<>(Map.of("a", 1L, "b", 2L));
    Map<String, Long> second = new LinkedHashMap<>();
    second.put("n", null);
    Tuple2<String, List<Map<String, Long>>> value =
        Tuple2.of("key", new ArrayList<>(List.of(first, second)));
    Object result = roundTrip(serializer, value);
    assertThat(result).isEqualTo(value);
    Object copy = serializer.copy(value);
    assertThat(copy).isEqualTo(value);
    assertThat(((Tuple2<?, ?>) copy).f1).isNotSameAs(value.f1);
  }

  @Test
  void jdkListAndMapImplementationsReadBackAsArrayListAndLinkedHashMap() {
    assertThat(roundTrip(serializer, List.of(1, 2)))
        .isEqualTo(List.of(1, 2))
        .isInstanceOf(ArrayList.class);
    assertThat(roundTrip(serializer, Arrays.asList("a", null))).isEqualTo(Arrays.asList("a", null));
    assertThat(roundTrip(serializer, Map.of("k", "v")))
        .isEqualTo(Map.of("k", "v"))
        .isInstanceOf(LinkedHashMap.class);
  }

  @Test
  void otherClassesByNameWithTheirOwnSerializer() {
    assertRoundTrip(serializer, new Point(1, 2));
    assertRoundTrip(serializer, Color.GREEN);
    assertRoundTrip(serializer, new int[] {1, 2, 3});
    assertRoundTrip(serializer, new String[] {"a", null});
    TreeMap<String, Integer> sorted = new TreeMap<>(Map.of("b", 2, "a", 1));
    assertThat(roundTrip(serializer, sorted)).isEqualTo(sorted).isInstanceOf(TreeMap.class);
    assertRoundTrip(serializer, new Opaque("kryo"));
  }

  @Test
  void recordHoldingAPojo() {
    Holder holder =
        new Holder(
            "h", new Person("p", 3, true, new Address("Lyon", 2), new ArrayList<>(List.of("t"))));
    assertRoundTrip(serializer, holder);
    assertRoundTrip(serializer, Tuple2.of(holder, List.of(holder)));
  }

  @Test
  void selfReferencingPojo() {
    Node last = new Node();
    last.value = "b";
    Node first = new Node();
    first.value = "a";
    first.next = last;
    assertRoundTrip(serializer, first);
  }

  @Test
  void valuesOfManyClassesInOneStream() {
    List<Object> values = List.of(new Point(0, 0), "x", Color.RED, new Point(5, 5), 3L);
    List<Object> results = new ArrayList<>();
    for (Object value : values) {
      results.add(roundTrip(serializer, value));
    }
    assertThat(results).isEqualTo(values);
  }

  @Test
  void duplicateIsAFreshInstance() {
    assertThat(serializer.duplicate())
        .isNotSameAs(serializer)
        .isInstanceOf(DynamicSerializer.class);
  }
}
