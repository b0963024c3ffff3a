package io.resoto.worker.awssim.estate;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the estate YAML. Only checks shapes (types, unknown keys) and fills defaults; the
 * {@link EstateValidator} checks the content. Both report into the same {@link Problems}, so a
 * broken file yields every problem in one go.
 */
final class EstateLoader {
  private static final Set<String> TOP = Set.of("organization", "accounts", "principals", "roles",
      "instance_profile", "settings", "resources", "pricing");

  private final Problems problems = new Problems();

  private EstateLoader() {}

  static Estate parse(String yaml, String source) {
    return new EstateLoader().read(yaml, source);
  }

  private Estate read(String yaml, String source) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    Object doc;
    try {
      doc = new Yaml(new SafeConstructor(options)).load(yaml);
    } catch (YAMLException e) {
      throw new InvalidEstateException(source, List.of("(yaml): " + e.getMessage()));
    }
    Map<String, Object> root = doc == null ? Map.of() : map(doc, "(top)");
    if (root == null) {
      throw new InvalidEstateException(source, problems.list());
    }
    keys(root, "", TOP);
    Organization org = root.get("organization") == null ? null : organization(root.get("organization"));
    List<Account> accounts = new ArrayList<>();
    List<Map<String, Object>> accountMaps = list(root.get("accounts"), "accounts");
    for (int i = 0; i < accountMaps.size(); i++) {
      accounts.add(account(accountMaps.get(i), "accounts[" + i + "]", i, org));
    }
    List<Principal> principals = new ArrayList<>();
    List<Map<String, Object>> principalMaps = list(root.get("principals"), "principals");
    for (int i = 0; i < principalMaps.size(); i++) {
      principals.add(principal(principalMaps.get(i), "principals[" + i + "]"));
    }
    List<Role> roles = new ArrayList<>();
    List<Map<String, Object>> roleMaps = list(root.get("roles"), "roles");
    for (int i = 0; i < roleMaps.size(); i++) {
      roles.add(role(roleMaps.get(i), "roles[" + i + "]"));
    }
    InstanceProfile profile = null;
    if (root.get("instance_profile") != null) {
      Map<String, Object> m = map(root.get("instance_profile"), "instance_profile");
      if (m != null) {
        String p = "instance_profile";
        keys(m, p + ".", Set.of("account", "role", "region", "instance_id"));
        profile = new InstanceProfile(str(m, "account", p), str(m, "role", p), str(m, "region", p),
            str(m, "instance_id", p));
      }
    }
    EstateSettings settings = EstateSettings.DEFAULTS;
    if (root.get("settings") != null) {
      Map<String, Object> m = map(root.get("settings"), "settings");
      if (m != null) {
        keys(m, "settings.", Set.of("assumed_role_lifetime_seconds", "metric_datapoints_per_page"));
        settings = new EstateSettings(integer(m, "assumed_role_lifetime_seconds", "settings", null),
            integer(m, "metric_datapoints_per_page", "settings", null));
      }
    }
    RawResources resources = resources(root.get("resources"));
    PriceLists pricing = pricing(root.get("pricing"));
    return Estate.create(org, accounts, principals, roles, profile, settings, resources, pricing, problems, source);
  }

  private Organization organization(Object value) {
    String p = "organization";
    Map<String, Object> m = map(value, p);
    if (m == null) {
      return null;
    }
    keys(m, p + ".", Set.of("id", "management_account", "roots", "units"));
    List<Organization.Root> roots = new ArrayList<>();
    List<Map<String, Object>> rootMaps = list(m.get("roots"), p + ".roots");
    for (int i = 0; i < rootMaps.size(); i++) {
      String rp = p + ".roots[" + i + "]";
      Map<String, Object> r = rootMaps.get(i);
      keys(r, rp + ".", Set.of("id", "name"));
      roots.add(new Organization.Root(str(r, "id", rp), str(r, "name", rp)));
    }
    List<Organization.Unit> units = new ArrayList<>();
    List<Map<String, Object>> unitMaps = list(m.get("units"), p + ".units");
    for (int i = 0; i < unitMaps.size(); i++) {
      String up = p + ".units[" + i + "]";
      Map<String, Object> u = unitMaps.get(i);
      keys(u, up + ".", Set.of("id", "name", "parent"));
      units.add(new Organization.Unit(str(u, "id", up), str(u, "name", up), str(u, "parent", up)));
    }
    return new Organization(str(m, "id", p), str(m, "management_account", p), roots, units);
  }

  private Account account(Map<String, Object> m, String p, int index, Organization org) {
    keys(m, p + ".", Set.of("id", "name", "alias", "email", "parent", "status", "regions", "not_opted_in",
        "joined"));
    String id = str(m, "id", p);
    String parent = str(m, "parent", p);
    if (parent == null && org != null && !org.roots().isEmpty() && !problems.has(p + ".parent")) {
      parent = org.roots().get(0).id();
    }
    String email = str(m, "email", p);
    if (email == null && id != null && !problems.has(p + ".email")) {
      email = "aws-" + id + "@example.com";
    }
    String status = str(m, "status", p);
    Instant joined = instant(m, "joined", p);
    return new Account(id, str(m, "name", p), str(m, "alias", p), email, parent,
        status == null && !problems.has(p + ".status") ? "ACTIVE" : status,
        strings(m.get("regions"), p + ".regions"), strings(m.get("not_opted_in"), p + ".not_opted_in"),
        joined == null && !problems.has(p + ".joined") ? Estate.JOINED_BASE.plusSeconds(86_400L * index) : joined);
  }

  private Principal principal(Map<String, Object> m, String p) {
    keys(m, p + ".", Set.of("account", "user", "access_key_id", "secret_access_key"));
    return new Principal(str(m, "account", p), str(m, "user", p), str(m, "access_key_id", p),
        str(m, "secret_access_key", p));
  }

  private Role role(Map<String, Object> m, String p) {
    keys(m, p + ".", Set.of("account", "name", "trust", "external_id", "max_session_duration", "web_identity"));
    Integer max = integer(m, "max_session_duration", p, 3600);
    Boolean web = bool(m, "web_identity", p);
    return new Role(str(m, "account", p), str(m, "name", p), strings(m.get("trust"), p + ".trust"),
        str(m, "external_id", p), max == null ? 3600 : max, web != null && web);
  }

  private RawResources resources(Object value) {
    if (value == null) {
      return RawResources.EMPTY;
    }
    Map<String, Object> accounts = map(value, "resources");
    if (accounts == null) {
      return RawResources.EMPTY;
    }
    Map<String, Map<String, Map<String, Object>>> tree = new LinkedHashMap<>();
    accounts.forEach((account, regions) -> {
      String ap = "resources." + account;
      Map<String, Object> regionMap = regions == null ? Map.of() : map(regions, ap);
      if (regionMap == null) {
        return;
      }
      Map<String, Map<String, Object>> regionTree = new LinkedHashMap<>();
      regionMap.forEach((region, services) -> {
        Map<String, Object> serviceMap = services == null ? Map.of() : map(services, ap + "." + region);
        if (serviceMap != null) {
          regionTree.put(region, serviceMap);
        }
      });
      tree.put(account, regionTree);
    });
    return new RawResources(tree);
  }

  /** Service code -> list of PriceList documents, each with a {@code product.attributes} mapping. */
  private PriceLists pricing(Object value) {
    if (value == null) {
      return PriceLists.EMPTY;
    }
    Map<String, Object> services = map(value, "pricing");
    if (services == null) {
      return PriceLists.EMPTY;
    }
    Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
    services.forEach((code, documents) -> {
      String p = "pricing." + code;
      List<Map<String, Object>> docs = list(documents, p);
      for (int i = 0; i < docs.size(); i++) {
        String dp = p + "[" + i + "]";
        Map<String, Object> product = docs.get(i).get("product") == null ? null
            : map(docs.get(i).get("product"), dp + ".product");
        if (docs.get(i).get("product") == null) {
          problems.add(dp + ".product", "is required");
        } else if (product != null && !(product.get("attributes") instanceof Map)) {
          problems.add(dp + ".product.attributes", "expected a mapping, got " + describe(product.get("attributes")));
        }
        if (docs.get(i).get("serviceCode") != null && !code.equals(String.valueOf(docs.get(i).get("serviceCode")))) {
          problems.add(dp + ".serviceCode", "\"" + docs.get(i).get("serviceCode") + "\" is not " + code);
        }
      }
      out.put(code, docs);
    });
    return new PriceLists(out);
  }

  // --- shape helpers: report the problem, return null (or empty) so parsing goes on

  private Map<String, Object> map(Object value, String path) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        // YAML reads unquoted account ids as numbers; keys are names, so take them as text
        out.put(String.valueOf(e.getKey()), e.getValue());
      }
      return out;
    }
    problems.add(path, "expected a mapping, got " + describe(value));
    return null;
  }

  private List<Map<String, Object>> list(Object value, String path) {
    List<Map<String, Object>> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    if (!(value instanceof List<?> items)) {
      problems.add(path, "expected a list, got " + describe(value));
      return out;
    }
    for (int i = 0; i < items.size(); i++) {
      Map<String, Object> m = map(items.get(i), path + "[" + i + "]");
      // a broken entry still takes its place, so the paths of later entries match the file
      out.add(m == null ? Map.of() : m);
    }
    return out;
  }

  private List<String> strings(Object value, String path) {
    List<String> out = new ArrayList<>();
    if (value == null) {
      return out;
    }
    if (!(value instanceof List<?> items)) {
      problems.add(path, "expected a list, got " + describe(value));
      return out;
    }
    for (int i = 0; i < items.size(); i++) {
      Object item = items.get(i);
      if (item == null || item instanceof Map || item instanceof List) {
        problems.add(path + "[" + i + "]", "expected a string, got " + describe(item));
      } else {
        out.add(String.valueOf(item));
      }
    }
    return out;
  }

  private String str(Map<String, Object> m, String key, String path) {
    Object value = m.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Map || value instanceof List) {
      problems.add(path + "." + key, "expected a string, got " + describe(value));
      return null;
    }
    return String.valueOf(value);
  }

  private Integer integer(Map<String, Object> m, String key, String path, Integer fallback) {
    Object value = m.get(key);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Integer i) {
      return i;
    }
    problems.add(path + "." + key, "expected an integer, got " + describe(value));
    return fallback;
  }

  private Boolean bool(Map<String, Object> m, String key, String path) {
    Object value = m.get(key);
    if (value == null || value instanceof Boolean) {
      return (Boolean) value;
    }
    problems.add(path + "." + key, "expected true or false, got " + describe(value));
    return null;
  }

  private Instant instant(Map<String, Object> m, String key, String path) {
    Object value = m.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Date d) {
      return d.toInstant();
    }
    try {
      return Instant.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      problems.add(path + "." + key, "expected an ISO-8601 instant such as 2021-03-04T05:06:07Z, got "
          + describe(value));
      return null;
    }
  }

  private void keys(Map<String, Object> m, String prefix, Set<String> allowed) {
    for (String key : m.keySet()) {
      if (!allowed.contains(key)) {
        problems.add(prefix + key, "unknown key (expected one of " + new TreeSet<>(allowed) + ")");
      }
    }
  }

  private static String describe(Object value) {
    if (value == null) {
      return "nothing";
    }
    if (value instanceof Map) {
      return "a mapping";
    }
    if (value instanceof List) {
      return "a list";
    }
    return "\"" + value + "\"";
  }
}
