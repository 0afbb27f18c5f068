package io.eddy.core.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.java.tuple.Tuple2;
import io.eddy.core.internal.types.Fixtures.Address;
import io.eddy.core.internal.types.Fixtures.Person;
import io.eddy.core.internal.types.Fixtures.Point;
import org.junit.jupiter.api.Test;

class FieldAccessorsTest {

  private final TypeInformation<Tuple2<String, Long>> pairType =
      Types.TUPLE(Types.STRING, Types.LONG);

  @Test
  void tuplesByPositionAndName() {
    FieldAccessor<Tuple2<String, Long>, Long> count = FieldAccessors.forPosition(pairType, 1);
    Tuple2<String, Long> pair = Tuple2.of("a", 1L);
    assertThat(count.get(pair)).isEqualTo(1L);
    assertThat(count.set(pair, 5L)).isSameAs(pair);
    assertThat(pair.f1).isEqualTo(5L);
    assertThat(count.getFieldType()).isSameAs(Types.LONG);
    FieldAccessor<Tuple2<String, Long>, String> word = FieldAccessors.forName(pairType, "f0");
    assertThat(word.get(pair)).isEqualTo("a");
  }

  @Test
  void recordsBuildANewRecordOnSet() {
    TypeInformation<Point> type = Types.RECORD(Point.class);
    FieldAccessor<Point, Integer> y = FieldAccessors.forName(type, "y");
    Point point = new Point(1, 2);
    assertThat(y.get(point)).isEqualTo(2);
    assertThat(y.set(point, 9)).isEqualTo(new Point(1, 9));
    assertThat(point.y()).isEqualTo(2);
    FieldAccessor<Point, Integer> x = FieldAccessors.forPosition(type, 0);
    assertThat(x.get(point)).isEqualTo(1);
  }

  @Test
  void pojosByNameAndDeclaredPosition() {
    TypeInformation<Person> type = Types.POJO(Person.class);
    Person person = new Person("ann", 30, true, new Address("Oslo", 1), null);
    FieldAccessor<Person, Integer> age = FieldAccessors.forName(type, "age");
    assertThat(age.get(person)).isEqualTo(30);
    assertThat(age.set(person, 31)).isSameAs(person);
    assertThat(person.getAge()).isEqualTo(31);
    FieldAccessor<Person, String> name = FieldAccessors.forPosition(type, 0);
    assertThat(name.get(person)).isEqualTo("ann");
    FieldAccessor<Address, String> city = FieldAccessors.forName(Types.POJO(Address.class), "city");
    assertThat(city.get(person.getAddress())).isEqualTo("Oslo");
  }

  @Test
  void basicTypesArePositionZero() {
    FieldAccessor<Long, Long> value = FieldAccessors.forPosition(Types.LONG, 0);
    assertThat(value.get(4L)).isEqualTo(4L);
    assertThat(value.set(4L, 5L)).isEqualTo(5L);
  }

  @Test
  void dynamicTypesResolvePerRuntimeClass() {
    FieldAccessor<Object, Object> second = FieldAccessors.forPosition(TypeInformation.unknown(), 1);
    assertThat(second.get(Tuple2.of("a", 7L))).isEqualTo(7L);
    assertThat(second.get(new Point(3, 4))).isEqualTo(4);
    assertThat(second.set(new Point(3, 4), 0)).isEqualTo(new Point(3, 0));
    FieldAccessor<Object, Object> byName =
        FieldAccessors.forName(TypeInformation.unknown(), "city");
    assertThat(byName.get(new Address("Rome", 1))).isEqualTo("Rome");
    FieldAccessor<Object, Object> whole = FieldAccessors.forPosition(TypeInformation.unknown(), 0);
    assertThat(whole.get("text")).isEqualTo("text");
  }

  @Test
  void badFieldsNameTheTypeAndItsFields() {
    assertThatThrownBy(() -> FieldAccessors.forPosition(pairType, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Field 3 does not exist in Tuple2<String, Long> (it has fields 0..1)");
    assertThatThrownBy(() -> FieldAccessors.forName(pairType, "word"))
        .hasMessage("Field 'word' does not exist in Tuple2<String, Long> (it has fields f0, f1)");
    assertThatThrownBy(() -> FieldAccessors.forName(Types.RECORD(Point.class), "z"))
        .hasMessage("Field 'z' does not exist in Point (it has fields x, y)");
    assertThatThrownBy(() -> FieldAccessors.forPosition(Types.POJO(Person.class), -1))
        .hasMessage("Field -1 does not exist in Person (it has fields 0..4)");
    assertThatThrownBy(() -> FieldAccessors.forPosition(Types.STRING, 1))
        .hasMessage("Field 1 does not exist in String (it has only field 0, the value itself)");
    FieldAccessor<Object, Object> dynamic =
        FieldAccessors.forPosition(TypeInformation.unknown(), 2);
    assertThatThrownBy(() -> dynamic.get(Tuple2.of("a", 1L)))
        .hasMessage("Field 2 does not exist in Tuple2<Dynamic, Dynamic> (it has fields 0..1)");
  }
}
