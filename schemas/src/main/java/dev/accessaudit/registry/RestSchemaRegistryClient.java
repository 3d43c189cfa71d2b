package dev.accessaudit.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client of any registry that speaks Confluent's REST API. Ids of schemas and schemas by id never
 * change once assigned, so both are cached forever: after the first record a serde makes no round
 * trip. The latest version is not cached.
 */
final class RestSchemaRegistryClient implements SchemaRegistryClient {

  private record SubjectSchema(String subject, String schema) {}

  private final RegistryEndpoints endpoints;
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

  RestSchemaRegistryClient(RegistryEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  @Override
  public int register(String subject, Schema schema) {
    return idsBySubjectSchema.computeIfAbsent(
        new SubjectSchema(subject, schema.toString()),
        key -> remember(endpoints.post(subjectPath(subject) + "/versions", body(schema)), schema));
  }

  @Override
  public Schema getSchemaById(int id) {
    return schemasById.computeIfAbsent(
        id,
        key -> SchemaRegistry.parse(endpoints.get("/schemas/ids/" + id).path("schema").asText()));
  }

  @Override
  public int getId(String subject, Schema schema) {
    return idsBySubjectSchema.computeIfAbsent(
        new SubjectSchema(subject, schema.toString()),
        key -> remember(endpoints.post(subjectPath(subject), body(schema)), schema));
  }

  @Override
  public SchemaVersion getLatestVersion(String subject) {
    JsonNode json = endpoints.get(subjectPath(subject) + "/versions/latest");
    Schema schema = SchemaRegistry.parse(json.path("schema").asText());
    int id = json.path("id").asInt();
    schemasById.putIfAbsent(id, schema);
    return new SchemaVersion(
        json.path("subject").asText(subject), json.path("version").asInt(), id, schema);
  }

  @Override
  public boolean testCompatibility(String subject, Schema schema) {
    try {
      String path = "/compatibility" + subjectPath(subject) + "/versions/latest";
      return endpoints.post(path, body(schema)).path("is_compatible").asBoolean(false);
    } catch (SchemaRegistryException e) {
      if (e.errorCode() == SchemaRegistryException.SUBJECT_NOT_FOUND) {
        return true;
      }
      throw e;
    }
  }

  @Override
  public void close() {
    // java.net.http.HttpClient in Java 17 holds nothing that needs closing.
  }

  private int remember(JsonNode answer, Schema schema) {
    int id = answer.path("id").asInt(-1);
    if (id < 0) {
      throw new SchemaRegistryException(
          SchemaRegistryException.STORE_ERROR, "The schema registry answered without an id.");
    }
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  private static String subjectPath(String subject) {
    return "/subjects/" + RegistryEndpoints.segment(subject);
  }

  private static Map<String, String> body(Schema schema) {
    return Map.of("schema", schema.toString());
  }
}
