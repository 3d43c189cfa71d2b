package dev.accessaudit.streams.topology;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic as the topology sees it: its name and the serdes of its keys and values.
 *
 * @param <K> key type
 * @param <V> value type
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {

  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
  }
}
