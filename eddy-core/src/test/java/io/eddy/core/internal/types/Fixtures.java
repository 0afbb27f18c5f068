package io.eddy.core.internal.types;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Types used by the tests. */
public final class Fixtures {
  private Fixtures() {}

  public enum Color {
    RED,
    GREEN {
      @Override
      public String toString() {
        return "green";
      }
    },
    BLUE
  }

  public record Point(int x, int y) {}

  public record Everything(
      int i,
      long l,
      double d,
      float f,
      short s,
      byte b,
      char c,
      boolean z,
      String text,
      Long boxed,
      Color color,
      int[] ints,
      List<String> names,
      Map<String, Long> counts,
      Point point,
      Person person) {}

  public record Holder(String label, Person person) {}

  public record Box<T>(T value) {}

  /** A POJO with private fields, getters and setters. */
  public static class Person {
    private String name;
    private int age;
    private boolean active;
    private Address address;
    public List<String> tags;

    public Person() {}

    public Person(String name, int age, boolean active, Address address, List<String> tags) {
      this.name = name;
      this.age = age;
      this.active = active;
      this.address = address;
      this.tags = tags;
    }

    public String getName() {
      return name;
    }

    public void setName(String name) {
      this.name = name;
    }

    public int getAge() {
      return age;
    }

    public void setAge(int age) {
      this.age = age;
    }

    public boolean isActive() {
      return active;
    }

    public void setActive(boolean active) {
      this.active = active;
    }

    public Address getAddress() {
      return address;
    }

    public void setAddress(Address address) {
      this.address = address;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Person p
          && Objects.equals(name, p.name)
          && age == p.age
          && active == p.active
          && Objects.equals(address, p.address)
          && Objects.equals(tags, p.tags);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, age, active, address, tags);
    }

    @Override
    public String toString() {
      return "Person(" + name + ", " + age + ", " + active + ", " + address + ", " + tags + ")";
    }
  }

  /** A POJO with public fields and a default value that null must overwrite. */
  public static class Address {
    public String city = "default";
    public int zip;

    public Address() {}

    public Address(String city, int zip) {
      this.city = city;
      this.zip = zip;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Address a && Objects.equals(city, a.city) && zip == a.zip;
    }

    @Override
    public int hashCode() {
      return Objects.hash(city, zip);
    }

    @Override
    public String toString() {
      return "Address(" + city + ", " + zip + ")";
    }
  }

  /** Not a POJO (private field without accessors): goes through Kryo. */
  public static class Opaque {
    private final String secret;

    public Opaque(String secret) {
      this.secret = secret;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Opaque other && Objects.equals(secret, other.secret);
    }

    @Override
    public int hashCode() {
      return Objects.hashCode(secret);
    }
  }

  /** A POJO referring to itself. */
  public static class Node {
    public String value;
    public Node next;

    @Override
    public boolean equals(Object o) {
      return o instanceof Node n && Objects.equals(value, n.value) && Objects.equals(next, n.next);
    }

    @Override
    public int hashCode() {
      return Objects.hash(value, next);
    }
  }
}
