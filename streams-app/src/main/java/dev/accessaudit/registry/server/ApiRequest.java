package dev.accessaudit.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.accessaudit.registry.SchemaRegistry;
import dev.accessaudit.registry.SchemaRegistryException;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** One REST call: method, decoded path segments, query parameters and JSON body (may be null). */
record ApiRequest(String method, List<String> path, Map<String, String> query, JsonNode body) {

  boolean is(String expectedMethod, int segments) {
    return method.equals(expectedMethod) && path.size() == segments;
  }

  String segment(int index) {
    return path.get(index);
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(query.getOrDefault(name, "false"));
  }

  /** The Avro schema in a {"schema": "...", "schemaType": "AVRO"} body: 42201 when unusable. */
  Schema schema() {
    if (body == null || !body.path("schema").isTextual()) {
      throw SchemaRegistryException.invalidSchema("the body has no \"schema\" string");
    }
    String type = body.path("schemaType").asText("AVRO");
    if (!type.equals("AVRO")) {
      throw SchemaRegistryException.invalidSchema("schemaType " + type + " is not supported");
    }
    if (body.path("references").size() > 0) {
      throw SchemaRegistryException.invalidSchema("schema references are not supported");
    }
    return SchemaRegistry.parse(body.get("schema").asText());
  }

  /** A version segment: a number from 1, or "latest" / -1 (returned as null). 42202 otherwise. */
  Integer version(int index) {
    String text = segment(index);
    if (text.equals("latest") || text.equals("-1")) {
      return null;
    }
    try {
      int version = Integer.parseInt(text);
      if (version >= 1) {
        return version;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    throw SchemaRegistryException.invalidVersion(text);
  }

  /** A schema id segment: 40403 when it is not a number. */
  int id(int index) {
    try {
      return Integer.parseInt(segment(index));
    } catch (NumberFormatException e) {
      throw new SchemaRegistryException(
          SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + segment(index) + " not found.");
    }
  }
}
