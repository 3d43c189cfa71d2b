package dev.accessaudit.producers;

import java.lang.reflect.InvocationTargetException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Creates the default value serializer: the Confluent wire format serializer of the serde module.
 */
final class ValueSerializers {

  private static final String SERIALIZER = "dev.accessaudit.serde.SpecificAvroSerializer";

  private ValueSerializers() {}

  // The serde module is written in parallel; until it is on the class path at compile time the
  // serializer is looked up by name. Replace with `new SpecificAvroSerializer<>(type)` once merged.
  @SuppressWarnings("unchecked")
  static <V extends SpecificRecord> Serializer<V> confluentWireFormat(Class<V> type) {
    try {
      return (Serializer<V>)
          Class.forName(SERIALIZER).getConstructor(Class.class).newInstance(type);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "the Confluent wire format serializer is not available: supply one with valueSerializer(...)",
          e);
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
      throw new IllegalStateException("could not create the value serializer: " + cause, cause);
    }
  }
}
