package dev.accessaudit.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;

/** Parses a directory of .avsc files that refer to each other by name, in any order. */
final class SchemaFiles {

  private SchemaFiles() {}

  /** Every named schema of the directory, by full name. */
  static Map<String, Schema> parseDirectory(Path dir) throws IOException {
    List<Path> pending = new ArrayList<>(avscFiles(dir));
    Map<String, Schema> parsed = new LinkedHashMap<>();
    while (!pending.isEmpty()) {
      AvroRuntimeException lastFailure = null;
      int before = pending.size();
      for (Path file : List.copyOf(pending)) {
        try {
          Schema schema = new Schema.Parser().addTypes(parsed.values()).parse(file.toFile());
          parsed.put(schema.getFullName(), schema);
          pending.remove(file);
        } catch (AvroRuntimeException e) {
          lastFailure = e;
        }
      }
      if (pending.size() == before) {
        throw new IllegalStateException(
            "cannot parse " + pending + ": " + lastFailure, lastFailure);
      }
    }
    return parsed;
  }

  private static List<Path> avscFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList();
    }
  }
}
