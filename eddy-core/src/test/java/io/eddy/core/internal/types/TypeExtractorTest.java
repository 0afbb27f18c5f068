package io.eddy.core.internal.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.common.functions.Collector;
import io.eddy.api.common.functions.FlatMapFunction;
import io.eddy.api.common.functions.KeySelector;
import io.eddy.api.common.functions.MapFunction;
import io.eddy.api.common.functions.ReduceFunction;
import io.eddy.api.common.typeinfo.TypeHint;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeinfo.Types;
import io.eddy.api.java.tuple.Tuple1;
import io.eddy.api.java.tuple.Tuple2;
import io.eddy.core.internal.types.Fixtures.Box;
import io.eddy.core.internal.types.Fixtures.Color;
import io.eddy.core.internal.types.Fixtures.Node;
import io.eddy.core.internal.types.Fixtures.Opaque;
import io.eddy.core.internal.types.Fixtures.Person;
import io.eddy.core.internal.types.Fixtures.Point;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeExtractorTest {

  private static final TypeInformation<?> DYNAMIC = DynamicTypeInfo.INSTANCE;

  private static TypeInformation<?> mapOutput(MapFunction<?, ?> function, TypeInformation<?> in) {
    return TypeExtractor.getOutputType(function, MapFunction.class, 1, in);
  }

  private static TypeInformation<?> flatMapOutput(FlatMapFunction<?, ?> function) {
    return TypeExtractor.getOutputType(function, FlatMapFunction.class, 1, Types.STRING);
  }

  // ---- classes and reflective types

  @Test
  void classes() {
    assertThat(TypeExtractor.forClass(String.class)).isSameAs(Types.STRING);
    assertThat(TypeExtractor.forClass(int.class)).isSameAs(Types.INT);
    assertThat(TypeExtractor.forClass(long[].class)).hasToString("long[]");
    assertThat(TypeExtractor.forClass(String[].class)).isEqualTo(Types.OBJECT_ARRAY(Types.STRING));
    assertThat(TypeExtractor.forClass(Color.class)).isEqualTo(Types.ENUM(Color.class));
    assertThat(TypeExtractor.forClass(Point.class))
        .isInstanceOf(RecordTypeInfo.class)
        .hasToString("Point")
        .isEqualTo(Types.RECORD(Point.class));
    assertThat(TypeExtractor.forClass(Person.class)).isInstanceOf(PojoTypeInfo.class);
    assertThat(TypeExtractor.forClass(Opaque.class)).isEqualTo(Types.GENERIC(Opaque.class));
    assertThat(TypeExtractor.forClass(Object.class)).isSameAs(DYNAMIC);
    assertThat(TypeExtractor.forClass(Serializable.class)).isSameAs(DYNAMIC);
    assertThat(TypeExtractor.forClass(Point.class)).isSameAs(TypeExtractor.forClass(Point.class));
  }

  @Test
  void rawGenericClassesGiveTheirStructureWithDynamicParameters() {
    assertThat(TypeExtractor.forClass(Tuple2.class)).hasToString("Tuple2<Dynamic, Dynamic>");
    assertThat(TypeExtractor.forClass(Tuple2.class).isKnown()).isFalse();
    assertThat(TypeExtractor.forClass(List.class)).isEqualTo(Types.LIST(TypeInformation.unknown()));
    assertThat(TypeExtractor.forClass(Map.class)).hasToString("Map<Dynamic, Dynamic>");
    assertThat(TypeExtractor.forClass(Box.class).getArity()).isEqualTo(1);
  }

  @Test
  void pojoFieldsInDeclarationOrderWithTheirTypes() {
    PojoTypeInfo<?> person = (PojoTypeInfo<?>) TypeExtractor.forClass(Person.class);
    assertThat(person.getFieldNames()).containsExactly("name", "age", "active", "address", "tags");
    assertThat(person.getFieldType(1)).isEqualTo(Types.INT);
    assertThat(person.getFieldType(4)).isEqualTo(Types.LIST(Types.STRING));
    assertThat(person.isKnown()).isTrue();
  }

  @Test
  void selfReferenceBecomesDynamic() {
    PojoTypeInfo<?> node = (PojoTypeInfo<?>) TypeExtractor.forClass(Node.class);
    assertThat(node.getFieldType(1)).isSameAs(DYNAMIC);
  }

  @Test
  void typeHints() {
    assertThat(TypeInformation.of(new TypeHint<Map<String, List<Long>>>() {}))
        .isEqualTo(Types.MAP(Types.STRING, Types.LIST(Types.LONG)))
        .hasToString("Map<String, List<Long>>");
    assertThat(TypeInformation.of(new TypeHint<Tuple2<String, Long>>() {}))
        .isEqualTo(Types.TUPLE(Types.STRING, Types.LONG))
        .hasToString("Tuple2<String, Long>");
    assertThat(TypeInformation.of(new TypeHint<List<? extends Number>>() {}))
        .isEqualTo(Types.LIST(TypeInformation.unknown()));
    RecordTypeInfo<?> box = (RecordTypeInfo<?>) TypeInformation.of(new TypeHint<Box<Point>>() {});
    assertThat(box.getFieldType(0)).isEqualTo(Types.RECORD(Point.class));
  }

  // ---- functions: classes

  @Test
  void anonymousClassIsExact() {
    MapFunction<String, Tuple2<String, Long>> function =
        new MapFunction<>() {
          @Override
          public Tuple2<String, Long> map(String value) {
            return Tuple2.of(value, 1L);
          }
        };
    TypeInformation<?> type = mapOutput(function, Types.STRING);
    assertThat(type).isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
    assertThat(type.isKnown()).isTrue();
  }

  static class Identity<T> implements MapFunction<T, Tuple2<T, Long>> {
    @Override
    public Tuple2<T, Long> map(T value) {
      return Tuple2.of(value, 1L);
    }
  }

  static class StringIdentity extends Identity<String> {}

  static class Summer implements ReduceFunction<Long> {
    @Override
    public Long reduce(Long a, Long b) {
      return a + b;
    }
  }

  @Test
  void typeVariablesResolveThroughTheHierarchyOrTheInputType() {
    assertThat(mapOutput(new StringIdentity(), null)).hasToString("Tuple2<String, Long>");
    assertThat(mapOutput(new Identity<Integer>(), Types.INT)).hasToString("Tuple2<Integer, Long>");
    assertThat(mapOutput(new Identity<Integer>(), null)).hasToString("Tuple2<Dynamic, Long>");
    assertThat(TypeExtractor.<Long>getOutputType(new Summer(), ReduceFunction.class, 0))
        .isSameAs(Types.LONG);
  }

  static class Splitter implements FlatMapFunction<String, Tuple2<String, Integer>> {
    @Override
    public void flatMap(String value, Collector<Tuple2<String, Integer>> out) {}
  }

  @Test
  void flatMapClassIsExact() {
    assertThat(flatMapOutput(new Splitter())).hasToString("Tuple2<String, Integer>");
  }

  // ---- functions: lambdas and method references

  @Test
  void lambdaReturningARecordIsExact() {
    MapFunction<String, Point> function = s -> new Point(s.length(), 0);
    assertThat(mapOutput(function, Types.STRING)).isEqualTo(Types.RECORD(Point.class));
  }

  @Test
  void lambdaReturningATupleGivesItsStructure() {
    MapFunction<String, Tuple2<String, Long>> function = s -> Tuple2.of(s, 1L);
    TypeInformation<?> type = mapOutput(function, Types.STRING);
    assertThat(type).hasToString("Tuple2<Dynamic, Dynamic>");
    assertThat(type.isKnown()).isFalse();
  }

  @Test
  void lambdaReturningBasicTypes() {
    MapFunction<String, String> upper = s -> s.toUpperCase();
    MapFunction<String, Integer> length = s -> s.length();
    assertThat(mapOutput(upper, Types.STRING)).isSameAs(Types.STRING);
    assertThat(mapOutput(length, Types.STRING)).isSameAs(Types.INT);
  }

  @Test
  void methodReferencesAreExact() {
    MapFunction<String, Integer> length = String::length;
    assertThat(mapOutput(length, Types.STRING)).isSameAs(Types.INT);
    MapFunction<String, List<String>> split = TypeExtractorTest::words;
    assertThat(mapOutput(split, Types.STRING)).isEqualTo(Types.LIST(Types.STRING));
    MapFunction<String, Tuple1<String>> constructor = Tuple1::new;
    assertThat(mapOutput(constructor, Types.STRING)).hasToString("Tuple1<Dynamic>");
  }

  static List<String> words(String line) {
    return new ArrayList<>(List.of(line.split(" ")));
  }

  static <T> T identity(T value) {
    return value;
  }

  @Test
  void genericMethodReferenceIsDynamic() {
    MapFunction<String, String> function = TypeExtractorTest::identity;
    assertThat(mapOutput(function, Types.STRING)).isSameAs(DYNAMIC);
  }

  @Test
  void flatMapLambdaIsDynamic() {
    FlatMapFunction<String, String> function = (line, out) -> out.collect(line);
    assertThat(flatMapOutput(function)).isSameAs(DYNAMIC);
  }

  static void tokenize(String line, Collector<Tuple2<String, Long>> out) {
    out.collect(Tuple2.of(line, 1L));
  }

  @Test
  void flatMapMethodReferenceUsesTheCollectorParameter() {
    FlatMapFunction<String, Tuple2<String, Long>> function = TypeExtractorTest::tokenize;
    assertThat(flatMapOutput(function)).isEqualTo(Types.TUPLE(Types.STRING, Types.LONG));
  }

  @Test
  void keySelectors() {
    KeySelector<Tuple2<String, Long>, String> byWord = t -> t.f0;
    assertThat(TypeExtractor.getKeyType(byWord, Types.TUPLE(Types.STRING, Types.LONG)))
        .isSameAs(Types.STRING);
    KeySelector<Point, Integer> byX = Point::x;
    assertThat(TypeExtractor.getKeyType(byX, Types.RECORD(Point.class))).isSameAs(Types.INT);
    KeySelector<Point, Integer> anonymous =
        new KeySelector<>() {
          @Override
          public Integer getKey(Point value) {
            return value.y();
          }
        };
    assertThat(TypeExtractor.getKeyType(anonymous, null)).isSameAs(Types.INT);
  }
}
