package dev.accessaudit.registry.server;

import dev.accessaudit.registry.SchemaRegistry;
import dev.accessaudit.registry.SchemaRegistryException;
import java.util.List;
import java.util.Map;

/**
 * Routes Confluent Schema Registry REST calls to a {@link SchemaRegistry}; answers are plain
 * objects that serialize to Confluent's JSON bodies. Errors are {@link SchemaRegistryException}s.
 */
final class RegistryApi {

  private final SubjectEndpoints subjects;
  private final ConfigEndpoints config;

  RegistryApi(SchemaRegistry registry) {
    this.subjects = new SubjectEndpoints(registry);
    this.config = new ConfigEndpoints(registry);
  }

  Object handle(ApiRequest request) {
    List<String> path = request.path();
    if (path.isEmpty()) {
      return Map.of();
    }
    return switch (path.get(0)) {
      case "subjects" -> subjects.handle(request);
      case "schemas" -> schemas(request);
      case "compatibility" -> compatibility(request);
      case "config" -> config.handle(request);
      default -> throw notFound();
    };
  }

  private Object schemas(ApiRequest request) {
    if (request.is("GET", 2) && request.segment(1).equals("types")) {
      return List.of("AVRO");
    }
    if (request.path().size() >= 3 && request.segment(1).equals("ids")) {
      requireGet(request);
      return subjects.schemaById(request);
    }
    throw notFound();
  }

  private Object compatibility(ApiRequest request) {
    boolean shape =
        request.path().size() == 5
            && request.segment(1).equals("subjects")
            && request.segment(3).equals("versions");
    if (!shape) {
      throw notFound();
    }
    if (!request.method().equals("POST")) {
      throw methodNotAllowed();
    }
    return subjects.compatibility(request);
  }

  static void requireGet(ApiRequest request) {
    if (!request.method().equals("GET")) {
      throw methodNotAllowed();
    }
  }

  static SchemaRegistryException notFound() {
    return new SchemaRegistryException(404, "HTTP 404 Not Found");
  }

  static SchemaRegistryException methodNotAllowed() {
    return new SchemaRegistryException(405, "HTTP 405 Method Not Allowed");
  }
}
