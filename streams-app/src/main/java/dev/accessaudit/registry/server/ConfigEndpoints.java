package dev.accessaudit.registry.server;

import dev.accessaudit.registry.CompatibilityLevel;
import dev.accessaudit.registry.SchemaRegistry;
import dev.accessaudit.registry.SchemaRegistryException;
import java.util.Map;

/** GET|PUT /config and GET|PUT|DELETE /config/{subject}, in Confluent's shapes. */
final class ConfigEndpoints {

  private final SchemaRegistry registry;

  ConfigEndpoints(SchemaRegistry registry) {
    this.registry = registry;
  }

  Object handle(ApiRequest request) {
    int size = request.path().size();
    if (size > 2) {
      throw RegistryApi.notFound();
    }
    String subject = size == 2 ? request.segment(1) : null;
    return switch (request.method()) {
      case "GET" -> Map.of("compatibilityLevel", get(request, subject).name());
      case "PUT" -> put(request, subject);
      case "DELETE" -> delete(subject);
      default -> throw RegistryApi.methodNotAllowed();
    };
  }

  private CompatibilityLevel get(ApiRequest request, String subject) {
    if (subject == null) {
      return registry.globalCompatibility();
    }
    return registry
        .subjectCompatibility(subject)
        .or(
            () ->
                request.flag("defaultToGlobal")
                    ? java.util.Optional.of(registry.globalCompatibility())
                    : java.util.Optional.empty())
        .orElseThrow(
            () ->
                new SchemaRegistryException(
                    SchemaRegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                    "Subject '"
                        + subject
                        + "' does not have subject-level compatibility configured"));
  }

  private Object put(ApiRequest request, String subject) {
    CompatibilityLevel level = level(request);
    registry.setCompatibility(subject, level);
    return Map.of("compatibility", level.name());
  }

  private Object delete(String subject) {
    if (subject == null) {
      throw RegistryApi.methodNotAllowed();
    }
    CompatibilityLevel previous = registry.compatibility(subject);
    registry.deleteCompatibility(subject);
    return Map.of("compatibilityLevel", previous.name());
  }

  private static CompatibilityLevel level(ApiRequest request) {
    String text = request.body() == null ? null : request.body().path("compatibility").asText(null);
    try {
      return CompatibilityLevel.parse(text);
    } catch (IllegalArgumentException e) {
      throw new SchemaRegistryException(
          SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL,
          "Invalid compatibility level. Valid values are none, backward, forward, full,"
              + " backward_transitive, forward_transitive, and full_transitive");
    }
  }
}
