package dev.accessaudit.registry;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.common.config.ConfigException;

/**
 * Makes a {@link SchemaRegistryClient} from a {@code schema.registry.url}, as Confluent's serdes
 * read it.
 *
 * <ul>
 *   <li>{@code mock://scope}: an in-memory registry shared by every client of that scope in this
 *       JVM, until {@link #dropMockScope(String)}; for tests.
 *   <li>{@code http(s)://host:port[,http(s)://host:port...]}: a REST client of Confluent's API that
 *       tries the URLs in turn. Honours {@code basic.auth.user.info} ({@code user:password}, with
 *       {@code basic.auth.credentials.source} USER_INFO, the default here) or user info in the URL
 *       (source URL), and {@code http.connect.timeout.ms} / {@code http.read.timeout.ms}.
 * </ul>
 */
public final class SchemaRegistryClients {

  public static final String BASIC_AUTH_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  public static final String READ_TIMEOUT_MS = "http.read.timeout.ms";
  private static final String MOCK = "mock://";

  private static final ConcurrentMap<String, SchemaRegistry> MOCK_SCOPES =
      new ConcurrentHashMap<>();

  private SchemaRegistryClients() {}

  /**
   * A client for the URL.
   *
   * @throws ConfigException with a sentence saying what to fix when the URL is not usable
   */
  public static SchemaRegistryClient forUrl(String url, Map<String, ?> clientConfig) {
    if (url == null || url.isBlank()) {
      throw new ConfigException(
          "schema.registry.url is not set: set it to the registry's address, e.g."
              + " http://localhost:8081, or mock://<scope> in tests.");
    }
    String trimmed = url.trim();
    if (trimmed.startsWith(MOCK)) {
      return new InMemorySchemaRegistryClient(mockScope(trimmed.substring(MOCK.length())));
    }
    return rest(trimmed, clientConfig == null ? Map.of() : clientConfig);
  }

  /** Forgets the in-memory registry of that scope; the next client of it starts empty. */
  public static void dropMockScope(String scope) {
    MOCK_SCOPES.remove(scope);
  }

  private static SchemaRegistry mockScope(String scope) {
    return MOCK_SCOPES.computeIfAbsent(scope, s -> new SchemaRegistry());
  }

  private static SchemaRegistryClient rest(String urls, Map<String, ?> config) {
    List<URI> bases = new ArrayList<>();
    Optional<String> urlUserInfo = Optional.empty();
    for (String part : urls.split(",")) {
      URI uri = parseUrl(part.trim());
      if (uri.getUserInfo() != null) {
        urlUserInfo = Optional.of(uri.getUserInfo());
      }
      bases.add(withoutUserInfo(uri));
    }
    RegistryEndpoints endpoints =
        new RegistryEndpoints(
            bases,
            userInfo(config, urlUserInfo),
            millis(config, CONNECT_TIMEOUT_MS, 10_000),
            millis(config, READ_TIMEOUT_MS, 30_000));
    return new RestSchemaRegistryClient(endpoints);
  }

  private static URI parseUrl(String url) {
    try {
      URI uri = URI.create(url);
      String scheme = String.valueOf(uri.getScheme());
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (IllegalArgumentException e) {
      // Reported below with the accepted forms.
    }
    throw new ConfigException(
        "schema.registry.url '"
            + url
            + "' is not usable: give http(s)://host:port (comma-separated for several) or"
            + " mock://<scope>.");
  }

  private static URI withoutUserInfo(URI uri) {
    String rest = uri.getRawPath() == null ? "" : uri.getRawPath();
    int port = uri.getPort();
    return URI.create(
        uri.getScheme() + "://" + uri.getHost() + (port < 0 ? "" : ":" + port) + rest);
  }

  private static Optional<String> userInfo(Map<String, ?> config, Optional<String> fromUrl) {
    Object source = config.get(BASIC_AUTH_SOURCE);
    Object userInfo = config.get(BASIC_AUTH_USER_INFO);
    if ("URL".equalsIgnoreCase(String.valueOf(source))) {
      return fromUrl;
    }
    if (userInfo != null && !String.valueOf(userInfo).isBlank()) {
      return Optional.of(String.valueOf(userInfo));
    }
    return fromUrl;
  }

  private static Duration millis(Map<String, ?> config, String key, long defaultMillis) {
    Object value = config.get(key);
    if (value == null) {
      return Duration.ofMillis(defaultMillis);
    }
    try {
      return Duration.ofMillis(Long.parseLong(String.valueOf(value).trim()));
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a number of milliseconds, not '" + value + "'.");
    }
  }
}
