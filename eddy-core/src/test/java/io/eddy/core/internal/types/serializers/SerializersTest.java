package io.eddy.core.internal.types.serializers;

import static io.eddy.core.internal.types.serializers.SerializerAssertions.assertRoundTrip;
import static io.eddy.core.internal.types.serializers.SerializerAssertions.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.common.typeinfo.TypeHint;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.common.typeutils.TypeSerializer;
import io.eddy.api.java.tuple.Tuple1;
import io.eddy.api.java.tuple.Tuple2;
import io.eddy.api.java.tuple.Tuple3;
import io.eddy.api.java.tuple.Tuple5;
import io.eddy.core.internal.memory.DataOutputSerializer;
import io.eddy.core.internal.types.Fixtures.Address;
import io.eddy.core.internal.types.Fixtures.Box;
import io.eddy.core.internal.types.Fixtures.Color;
import io.eddy.core.internal.types.Fixtures.Everything;
import io.eddy.core.internal.types.Fixtures.Person;
import io.eddy.core.internal.types.Fixtures.Point;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SerializersTest {

  private static <T> TypeSerializer<T> serializerOf(Class<T> type) {
    return TypeInformation.of(type).createSerializer();
  }

  @Test
  void basicTypes() {
    assertRoundTrip(Types.LONG.createSerializer(), Long.MIN_VALUE);
    assertRoundTrip(Types.INT.createSerializer(), -42);
    assertRoundTrip(Types.SHORT.createSerializer(), (short) 7);
    assertRoundTrip(Types.BYTE.createSerializer(), (byte) -1);
    assertRoundTrip(Types.DOUBLE.createSerializer(), -0.5);
    assertRoundTrip(Types.FLOAT.createSerializer(), 1.25f);
    assertRoundTrip(Types.BOOLEAN.createSerializer(), true);
    assertRoundTrip(Types.CHAR.createSerializer(), 'ß');
    assertRoundTrip(Types.STRING.createSerializer(), "hällo wörld");
    assertThat(Types.STRING.createSerializer().isImmutableType()).isTrue();
    assertThat(Types.STRING.createSerializer().duplicate()).isSameAs(StringSerializer.INSTANCE);
  }

  @Test
  void primitiveArrays() {
    assertRoundTrip(serializerOf(byte[].class), new byte[] {1, -2, 3});
    assertRoundTrip(serializerOf(short[].class), new short[] {1, -2});
    assertRoundTrip(serializerOf(int[].class), new int[] {1, Integer.MIN_VALUE});
    assertRoundTrip(serializerOf(long[].class), new long[] {});
    assertRoundTrip(serializerOf(float[].class), new float[] {1.5f});
    assertRoundTrip(serializerOf(double[].class), new double[] {2.5, -0.0});
    assertRoundTrip(serializerOf(char[].class), new char[] {'a', 'ü'});
    assertRoundTrip(serializerOf(boolean[].class), new boolean[] {true, false});
    byte[] bytes = {1, 2};
    assertThat(serializerOf(byte[].class).copy(bytes)).isNotSameAs(bytes).isEqualTo(bytes);
  }

  @Test
  void objectArraysWithNullElements() {
    TypeSerializer<String[]> strings = serializerOf(String[].class);
    assertRoundTrip(strings, new String[] {"a", null, "c"});
    assertThat(roundTrip(strings, new String[0])).isEmpty();
    TypeSerializer<Point[]> points = serializerOf(Point[].class);
    assertThat(roundTrip(points, new Point[] {new Point(1, 2), null}))
        .containsExactly(new Point(1, 2), null);
  }

  @Test
  void enumsByOrdinalIncludingConstantsWithBodies() {
    TypeSerializer<Color> colors = serializerOf(Color.class);
    for (Color c : Color.values()) {
      assertThat(roundTrip(colors, c)).isSameAs(c);
    }
    @SuppressWarnings("unchecked")
    TypeSerializer<Color> viaBody =
        (TypeSerializer<Color>) (TypeSerializer<?>) serializerOf(Color.GREEN.getClass());
    assertThat(roundTrip(viaBody, Color.GREEN)).isSameAs(Color.GREEN);
  }

  @Test
  void listsWithNullElementsReadBackAsArrayList() {
    TypeSerializer<List<Integer>> serializer = Types.LIST(Types.INT).createSerializer();
    List<Integer> linked = new LinkedList<>(Arrays.asList(1, null, 3));
    List<Integer> result = roundTrip(serializer, linked);
    assertThat(result).isInstanceOf(ArrayList.class).containsExactly(1, null, 3);
    assertRoundTrip(serializer, new ArrayList<>(List.of(4, 5)));
  }

  @Test
  void mapsWithNullKeysAndValues() {
    TypeSerializer<Map<String, List<Long>>> serializer =
        TypeInformation.of(new TypeHint<Map<String, List<Long>>>() {}).createSerializer();
    Map<String, List<Long>> map = new HashMap<>();
    map.put("a", List.of(1L, 2L));
    map.put(null, new ArrayList<>());
    map.put("none", null);
    assertRoundTrip(serializer, map);
    Map<String, List<Long>> copy = serializer.copy(map);
    assertThat(copy.get("a")).isNotSameAs(map.get("a"));
  }

  @Test
  void tuplesWithNullFields() {
    TypeSerializer<Tuple2<String, Long>> pair =
        Types.<Tuple2<String, Long>>TUPLE(Types.STRING, Types.LONG).createSerializer();
    assertRoundTrip(pair, Tuple2.of("a", 1L));
    assertRoundTrip(pair, Tuple2.of(null, 1L));
    assertRoundTrip(pair, new Tuple2<>());
    TypeSerializer<Tuple1<String>> single =
        Types.<Tuple1<String>>TUPLE(Types.STRING).createSerializer();
    assertRoundTrip(single, Tuple1.of("x"));
    TypeSerializer<Tuple5<Integer, String, Double, Boolean, List<String>>> five =
        TypeInformation.of(
                new TypeHint<Tuple5<Integer, String, Double, Boolean, List<String>>>() {})
            .createSerializer();
    assertRoundTrip(five, Tuple5.of(1, null, 2.0, true, new ArrayList<>(List.of("x"))));
  }

  @Test
  void tupleCopyIsDeepForMutableFields() {
    TypeSerializer<Tuple2<String, List<String>>> serializer =
        TypeInformation.of(new TypeHint<Tuple2<String, List<String>>>() {}).createSerializer();
    Tuple2<String, List<String>> value = Tuple2.of("k", new ArrayList<>(List.of("v")));
    Tuple2<String, List<String>> copy = serializer.copy(value);
    assertThat(copy).isEqualTo(value).isNotSameAs(value);
    assertThat(copy.f1).isNotSameAs(value.f1);
  }

  @Test
  void recordsWithManyComponentTypesAndNulls() {
    TypeSerializer<Everything> serializer = serializerOf(Everything.class);
    Everything full =
        new Everything(
            1,
            2L,
            3.0,
            4f,
            (short) 5,
            (byte) 6,
            'c',
            true,
            "text",
            7L,
            Color.BLUE,
            new int[] {8, 9},
            new ArrayList<>(List.of("n")),
            new HashMap<>(Map.of("k", 1L)),
            new Point(1, 2),
            new Person("ann", 30, true, new Address("Oslo", 1), null));
    assertRoundTrip(serializer, full);
    Everything sparse =
        new Everything(
            0, 0, 0, 0, (short) 0, (byte) 0, 'x', false, null, null, null, null, null, null, null,
            null);
    assertRoundTrip(serializer, sparse);
    assertThat(serializer.isImmutableType()).isFalse();
    assertThat(serializerOf(Point.class).isImmutableType()).isTrue();
    Point p = new Point(3, 4);
    assertThat(serializerOf(Point.class).copy(p)).isSameAs(p);
  }

  @Test
  void genericRecordWithTypeHint() {
    TypeSerializer<Box<List<String>>> serializer =
        TypeInformation.of(new TypeHint<Box<List<String>>>() {}).createSerializer();
    assertRoundTrip(serializer, new Box<>(new ArrayList<>(List.of("a"))));
  }

  @Test
  void pojosWithGettersSettersPublicFieldsAndNulls() {
    TypeSerializer<Person> serializer = serializerOf(Person.class);
    Person full =
        new Person("bob", 41, true, new Address("Rome", 100), new ArrayList<>(List.of("x")));
    assertRoundTrip(serializer, full);
    Person copy = serializer.copy(full);
    assertThat(copy.getAddress()).isNotSameAs(full.getAddress());
    assertRoundTrip(serializer, new Person(null, 0, false, null, null));
    // a null field must overwrite the constructor's default value
    Address noCity = new Address(null, 5);
    assertThat(roundTrip(serializerOf(Address.class), noCity).city).isNull();
  }

  @Test
  void pojoSerializerRejectsSubclassValues() {
    class Sub extends Address {}
    TypeSerializer<Address> serializer = serializerOf(Address.class);
    assertThatThrownBy(() -> serializer.serialize(new Sub(), new DataOutputSerializer(8)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("subclass");
  }

  @Test
  void statefulSerializersDuplicateToFreshInstances() {
    TypeSerializer<Person> pojo = serializerOf(Person.class);
    assertThat(pojo.duplicate()).isNotSameAs(pojo);
    TypeSerializer<List<Object>> dynamicList =
        Types.LIST(TypeInformation.unknown()).createSerializer();
    assertThat(dynamicList.duplicate()).isNotSameAs(dynamicList);
    TypeSerializer<List<String>> stringList = Types.LIST(Types.STRING).createSerializer();
    assertThat(stringList.duplicate()).isSameAs(stringList);
  }

  @Test
  void tupleOfRecordAndPojo() {
    TypeSerializer<Tuple3<Point, Person, Color>> serializer =
        TypeInformation.of(new TypeHint<Tuple3<Point, Person, Color>>() {}).createSerializer();
    assertRoundTrip(
        serializer, Tuple3.of(new Point(1, 1), new Person("c", 1, false, null, null), Color.RED));
  }
}
