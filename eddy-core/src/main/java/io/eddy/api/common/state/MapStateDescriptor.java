package io.eddy.api.common.state;

import io.eddy.api.annotation.Public;
import io.eddy.api.common.typeinfo.TypeInformation;
import io.eddy.api.common.typeinfo.Types;
import java.util.Map;
import java.util.Objects;

/**
 * Describes a {@link MapState}.
 *
 * @param <UK> the type of the map's keys
 * @param <UV> the type of the map's values
 */
@Public
public class MapStateDescriptor<UK, UV> extends StateDescriptor<MapState<UK, UV>, Map<UK, UV>> {
  private static final long serialVersionUID = 1L;

  private final TypeInformation<UK> keyType;
  private final TypeInformation<UV> valueType;

  public MapStateDescriptor(
      String name, TypeInformation<UK> keyType, TypeInformation<UV> valueType) {
    super(name, Types.MAP(keyType, valueType));
    this.keyType = Objects.requireNonNull(keyType, "keyType");
    this.valueType = Objects.requireNonNull(valueType, "valueType");
  }

  public MapStateDescriptor(String name, Class<UK> keyClass, Class<UV> valueClass) {
    this(name, TypeInformation.of(keyClass), TypeInformation.of(valueClass));
  }

  public TypeInformation<UK> getKeyTypeInformation() {
    return keyType;
  }

  public TypeInformation<UV> getValueTypeInformation() {
    return valueType;
  }

  @Override
  public Type getType() {
    return Type.MAP;
  }
}
