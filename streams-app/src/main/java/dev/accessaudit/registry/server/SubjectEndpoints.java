package dev.accessaudit.registry.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.accessaudit.registry.SchemaRegistry;
import dev.accessaudit.registry.SchemaRegistryException;
import dev.accessaudit.registry.SchemaVersion;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** /subjects/..., /schemas/ids/... and /compatibility/... in Confluent's shapes. */
final class SubjectEndpoints {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SchemaRegistry registry;

  SubjectEndpoints(SchemaRegistry registry) {
    this.registry = registry;
  }

  Object handle(ApiRequest request) {
    int size = request.path().size();
    if (size == 1) {
      RegistryApi.requireGet(request);
      return registry.subjects();
    }
    String subject = request.segment(1);
    if (size == 2) {
      return subject(request, subject);
    }
    if (!request.segment(2).equals("versions") || size > 5) {
      throw RegistryApi.notFound();
    }
    if (size == 3) {
      return versions(request, subject);
    }
    RegistryApi.requireGet(request);
    SchemaVersion version = version(subject, request.version(3));
    if (size == 5) {
      if (!request.segment(4).equals("schema")) {
        throw RegistryApi.notFound();
      }
      return rawSchema(version.schema());
    }
    return describe(version);
  }

  private Object subject(ApiRequest request, String subject) {
    return switch (request.method()) {
      case "POST" -> describe(registry.lookup(subject, request.schema()));
      case "DELETE" -> delete(request, subject);
      default -> throw RegistryApi.methodNotAllowed();
    };
  }

  private Object delete(ApiRequest request, String subject) {
    if (request.flag("permanent")) {
      throw new SchemaRegistryException(
          422, "Permanent deletion is not supported by this registry; soft deletion is.");
    }
    return registry.deleteSubject(subject);
  }

  private Object versions(ApiRequest request, String subject) {
    return switch (request.method()) {
      case "GET" -> registry.versions(subject);
      case "POST" -> Map.of("id", registry.register(subject, request.schema()).id());
      default -> throw RegistryApi.methodNotAllowed();
    };
  }

  Object schemaById(ApiRequest request) {
    int id = request.id(2);
    if (request.path().size() == 3) {
      return Map.of("schema", registry.schemaById(id).toString());
    }
    if (request.path().size() == 4 && request.segment(3).equals("versions")) {
      return registry.versionsOfId(id).stream().map(SubjectEndpoints::subjectVersion).toList();
    }
    throw RegistryApi.notFound();
  }

  Object compatibility(ApiRequest request) {
    String subject = request.segment(2);
    Integer version = request.version(4);
    List<String> problems = registry.compatibilityProblems(subject, request.schema(), version);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("is_compatible", problems.isEmpty());
    if (request.flag("verbose")) {
      answer.put("messages", problems);
    }
    return answer;
  }

  private SchemaVersion version(String subject, Integer version) {
    return version == null ? registry.latest(subject) : registry.version(subject, version);
  }

  private static Map<String, Object> subjectVersion(SchemaVersion version) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("subject", version.subject());
    answer.put("version", version.version());
    return answer;
  }

  private static Map<String, Object> describe(SchemaVersion version) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("subject", version.subject());
    answer.put("version", version.version());
    answer.put("id", version.id());
    answer.put("schema", version.schema().toString());
    return answer;
  }

  private static Object rawSchema(Schema schema) {
    try {
      return JSON.readTree(schema.toString());
    } catch (IOException e) {
      throw new IllegalStateException("a parsed schema is not JSON", e);
    }
  }
}
