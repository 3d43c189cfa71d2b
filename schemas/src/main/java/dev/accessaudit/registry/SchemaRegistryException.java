package dev.accessaudit.registry;

/**
 * A failure reported by, or on the way to, a schema registry, with Confluent's error code.
 *
 * <p>The HTTP status follows from the code as in Confluent's API: 40401 -> 404, 409 -> 409, 42201
 * -> 422, 50001 -> 500. The message is one sentence for a person.
 */
public class SchemaRegistryException extends RuntimeException {

  public static final int SUBJECT_NOT_FOUND = 40401;
  public static final int VERSION_NOT_FOUND = 40402;
  public static final int SCHEMA_NOT_FOUND = 40403;
  public static final int SUBJECT_SOFT_DELETED = 40404;
  public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;
  public static final int INCOMPATIBLE_SCHEMA = 409;
  public static final int INVALID_SCHEMA = 42201;
  public static final int INVALID_VERSION = 42202;
  public static final int INVALID_COMPATIBILITY_LEVEL = 42203;
  public static final int STORE_ERROR = 50001;
  public static final int OPERATION_TIMEOUT = 50002;

  /** Ours, not Confluent's: no URL of the registry answered (HTTP status 500). */
  public static final int UNREACHABLE = 50005;

  private final int errorCode;

  /** An error with a Confluent error code (or a plain HTTP status) and a sentence. */
  public SchemaRegistryException(int errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  /** Same, keeping the cause. */
  public SchemaRegistryException(int errorCode, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  /** Confluent's error code, e.g. 40401. */
  public int errorCode() {
    return errorCode;
  }

  /** The HTTP status that goes with the code, e.g. 404 for 40401. */
  public int httpStatus() {
    return errorCode > 999 ? errorCode / 100 : errorCode;
  }

  /** 40401. */
  public static SchemaRegistryException subjectNotFound(String subject) {
    return new SchemaRegistryException(SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
  }

  /** 40402. */
  public static SchemaRegistryException versionNotFound(String subject, int version) {
    return new SchemaRegistryException(
        VERSION_NOT_FOUND, "Version " + version + " of subject '" + subject + "' not found.");
  }

  /** 40403 for an id. */
  public static SchemaRegistryException schemaNotFound(int id) {
    return new SchemaRegistryException(SCHEMA_NOT_FOUND, "Schema " + id + " not found.");
  }

  /** 40403 for a look-up under a subject. */
  public static SchemaRegistryException schemaNotFound(String subject) {
    return new SchemaRegistryException(
        SCHEMA_NOT_FOUND, "Schema not found under subject '" + subject + "'.");
  }

  /** 409. */
  public static SchemaRegistryException incompatible(
      String subject, CompatibilityLevel level, java.util.List<String> problems) {
    return new SchemaRegistryException(
        INCOMPATIBLE_SCHEMA,
        "Schema being registered is incompatible with an earlier schema for subject '"
            + subject
            + "' under compatibility "
            + level
            + ": "
            + String.join("; ", problems));
  }

  /** 42201. */
  public static SchemaRegistryException invalidSchema(String reason) {
    return new SchemaRegistryException(INVALID_SCHEMA, "Invalid schema: " + reason);
  }

  /** 42202. */
  public static SchemaRegistryException invalidVersion(String version) {
    return new SchemaRegistryException(
        INVALID_VERSION,
        "The specified version '"
            + version
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the"
            + " string \"latest\"");
  }
}
