package io.resoto.worker.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A seeded generator of worker config documents derived from the shipped ones
 * (config/resotoworker.yaml: every section; collector-aws/aws.yaml: the aws section), each either
 * valid or broken in one way of a known category, for {@link BadConfigTest}.
 *
 * <p>Every document carries secret-looking values (aws.access_key_id / secret_access_key /
 * external_id, a files_in_home_dir content) taken from {@link #SECRETS}, so the test can check
 * that none of them is ever printed.
 */
final class BadConfigs {

  /** What the worker must do with a document. */
  enum Expect { VALID, INVALID, EITHER }

  /**
   * One generated document.
   *
   * @param category the kind of damage ("valid" for none)
   * @param path the config path the error must name (null: none required)
   * @param needsLine the error must give a line:column of the file
   */
  record Case(int n, String category, String what, String yaml, Expect expect, String path, boolean needsLine,
      Map<String, String> env) {}

  static final List<String> CATEGORIES = List.of("valid", "unknown_key", "wrong_type", "deep_nesting", "huge_value",
      "broken_yaml", "invalid_enum", "bad_number", "placeholder");

  /** Secret values put into the documents; never to be printed. */
  static final List<String> SECRETS;

  static {
    Random r = new Random(4242);
    List<String> s = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      s.add("Sx" + token(r, 38));
    }
    SECRETS = List.copyOf(s);
  }

  /** The environment every case runs with (placeholders refer to it); the last one is a secret. */
  static final Map<String, String> ENV = Map.of(
      "GRAPH_NAME", "prodgraph",
      "TIMEOUT_TEXT", "abc",
      "POOL", "7",
      "AWS_SECRET", SECRETS.get(0),
      "RESOTOWORKER_PSK", SECRETS.get(1));

  private static final String INJECT = "__INJECT_HERE__";

  /** Keys whose default is null, with their YAML type (the others are typed by their default). */
  private static final Map<String, String> NULL_DEFAULT_TYPES = Map.ofEntries(
      Map.entry("resotoworker.collector", "list"), Map.entry("resotoworker.tempdir", "str"),
      Map.entry("resotoworker.max_resources_per_account", "int"), Map.entry("resotoworker.schedule", "str"),
      Map.entry("aws.access_key_id", "str"), Map.entry("aws.secret_access_key", "str"),
      Map.entry("aws.role", "str"), Map.entry("aws.profiles", "list"), Map.entry("aws.account", "list"),
      Map.entry("aws.region", "list"), Map.entry("aws.scrape_org_role_arn", "str"),
      Map.entry("aws.external_id", "str"), Map.entry("aws.endpoint_url", "str"), Map.entry("aws.shard", "str"));

  /** Keys where a number is nonsense, with values that must be refused. */
  private static final List<String[]> BAD_NUMBERS = List.of(
      new String[] {"resotoworker.timeout", "0", "-1", "-10800"},
      new String[] {"resotoworker.pool_size", "-1", "-5"},
      new String[] {"resotoworker.graph_sender_pool_size", "0", "-2"},
      new String[] {"resotoworker.web_port", "-1", "65536", "99999"},
      new String[] {"resotoworker.data_keep_runs", "0", "-1"},
      new String[] {"resotoworker.spool_max_mb", "0", "-1024"},
      new String[] {"resotoworker.spool_max_age", "0", "-1"},
      new String[] {"resotoworker.cleanup_pool_size", "0", "-4"},
      new String[] {"resotoworker.shutdown_grace", "-1", "-8"},
      new String[] {"resotoworker.max_resources_per_account", "0", "-5"},
      new String[] {"aws.session_duration", "0", "-1", "899", "43201"},
      new String[] {"aws.account_pool_size", "0", "-1"},
      new String[] {"aws.resource_pool_size", "0", "-64"},
      new String[] {"aws.resource_pool_tasks_per_service_default", "0", "-20"},
      new String[] {"aws.max_attempts", "0", "-3"},
      new String[] {"aws.request_rate_limits.ec2", "0", "-1", "0.0", ".nan", ".inf", "1e400", "-.inf"},
      new String[] {"aws.request_rate_limits.default", "0", "-20.0", ".NaN"},
      new String[] {"aws.resource_pool_tasks_per_service.elb", "0", "-1", "-6"},
      new String[] {"aws.cloudwatch_metrics_for_atime_mtime_period", "'0d'", "'-1d'", "'59m'"},
      new String[] {"aws.cloudwatch_metrics_for_atime_mtime_granularity", "'0h'", "'30s'", "'-1h'"},
      new String[] {"example.accounts", "0", "-1", "10001"},
      new String[] {"example.instances_per_region", "-1"},
      new String[] {"example.volumes_per_instance", "-1"},
      new String[] {"example.delay_ms", "-1"});

  private static final List<String> REGIONS =
      List.of("us-east-1", "us-west-2", "eu-central-1", "eu-west-1", "ap-southeast-2", "sa-east-1");
  private static final List<String> CRONS = List.of("0 * * * *", "*/15 * * * *", "30 2 * * 1-5", "0 0 1 * *");

  private final Random random;
  private final Map<String, Object> full;
  private final Map<String, Object> awsOnly;
  private final Yaml yaml;

  BadConfigs(long seed, Path repoRoot) throws IOException {
    this.random = new Random(seed);
    LoaderOptions lo = new LoaderOptions();
    this.full = load(new Yaml(lo), Files.readString(repoRoot.resolve("config/resotoworker.yaml")));
    this.awsOnly = load(new Yaml(lo), Files.readString(repoRoot.resolve("collector-aws/aws.yaml")));
    DumperOptions dump = new DumperOptions();
    dump.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    dump.setWidth(Integer.MAX_VALUE);
    dump.setSplitLines(false);
    this.yaml = new Yaml(dump);
    for (String section : full.keySet()) {
      keysOf(section);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load(Yaml y, String text) {
    return (Map<String, Object>) y.load(text);
  }

  /** The n-th case (call in order: the generator is sequential). */
  Case next(int n) {
    Map<String, Object> doc = base();
    int pick = random.nextInt(100);
    if (pick < 16) {
      return valid(n, doc);
    } else if (pick < 28) {
      return unknownKey(n, doc);
    } else if (pick < 42) {
      return wrongType(n, doc);
    } else if (pick < 48) {
      return deepNesting(n, doc);
    } else if (pick < 56) {
      return huge(n, doc);
    } else if (pick < 72) {
      return brokenYaml(n, doc);
    } else if (pick < 77) {
      return invalidEnum(n, doc);
    } else if (pick < 91) {
      return badNumber(n, doc);
    }
    return placeholder(n, doc);
  }

  // ---------------------------------------------------------------------------------------------
  // a valid document: a seed with valid variations and secrets

  private Map<String, Object> base() {
    Map<String, Object> doc = deepCopy(random.nextInt(10) < 7 ? full : awsOnly);
    Map<String, Object> aws = section(doc, "aws");
    if (random.nextBoolean()) {
      aws.put("access_key_id", "AKIA" + token(random, 16).toUpperCase());
      aws.put("secret_access_key", secret());
    }
    if (random.nextBoolean()) {
      aws.put("external_id", secret());
    }
    if (random.nextInt(4) == 0) {
      aws.put("region", new ArrayList<>(REGIONS.subList(0, 1 + random.nextInt(REGIONS.size()))));
    }
    if (random.nextInt(4) == 0) {
      aws.put("collect", new ArrayList<>(List.of("aws_ec2_*", "aws_s3_bucket")));
    }
    if (random.nextInt(5) == 0) {
      aws.put("session_duration", 900 + random.nextInt(43200 - 900));
    }
    if (doc.containsKey("resotoworker")) {
      Map<String, Object> w = section(doc, "resotoworker");
      if (random.nextBoolean()) {
        Map<String, Object> files = new LinkedHashMap<>();
        files.put(".aws/credentials", "[default]\naws_access_key_id = AKIAEXAMPLE\naws_secret_access_key = "
            + secret() + "\n");
        w.put("files_in_home_dir", files);
      }
      if (random.nextInt(3) == 0) {
        w.put("timeout", 1 + random.nextInt(100_000));
        w.put("pool_size", random.nextInt(20));
        w.put("graph", "g" + token(random, 1 + random.nextInt(10)).toLowerCase());
      }
      if (random.nextInt(3) == 0) {
        w.put("schedule", random.nextInt(4) == 0 ? null : CRONS.get(random.nextInt(CRONS.size())));
      }
      if (random.nextInt(3) == 0) {
        w.put("collector", List.of(List.of("aws"), List.of("example"), List.of("aws", "example"), List.of())
            .get(random.nextInt(4)));
      }
      // drop a few keys: their defaults apply
      for (int i = random.nextInt(4); i > 0; i--) {
        List<String> keys = new ArrayList<>(w.keySet());
        w.remove(keys.get(random.nextInt(keys.size())));
      }
    }
    return doc;
  }

  private Case valid(int n, Map<String, Object> doc) {
    return new Case(n, "valid", "valid", dump(doc), Expect.VALID, null, false, ENV);
  }

  // ---------------------------------------------------------------------------------------------

  private Case unknownKey(int n, Map<String, Object> doc) {
    if (random.nextInt(6) == 0) {
      String known = List.copyOf(doc.keySet()).get(random.nextInt(doc.size()));
      String section = nearMiss(known);
      doc.put(section, Map.of("x", 1));
      return new Case(n, "unknown_key", "unknown section " + section, dump(doc), Expect.INVALID, section, true, ENV);
    }
    String section = randomSection(doc);
    Map<String, Object> s = section(doc, section);
    String key;
    if (random.nextBoolean() && !s.isEmpty()) {
      key = nearMiss(List.copyOf(s.keySet()).get(random.nextInt(s.size())));
    } else {
      key = token(random, 3 + random.nextInt(18)).toLowerCase();
    }
    if (s.containsKey(key) || SCHEMA_KEYS.contains(section + "." + key)) {
      key = key + "_x";
    }
    // a secret as the value of a misspelt secret key must not be printed either
    s.put(key, random.nextBoolean() ? secret() : random.nextInt(100));
    return new Case(n, "unknown_key", "unknown key " + section + "." + key, dump(doc), Expect.INVALID,
        section + "." + key, true, ENV);
  }

  private Case wrongType(int n, Map<String, Object> doc) {
    String section = randomSection(doc);
    Map<String, Object> s = section(doc, section);
    List<String> keys = keysOf(section);
    String key = keys.get(random.nextInt(keys.size()));
    String path = section + "." + key;
    String type = typeOf(path);
    Object value;
    Expect expect = Expect.INVALID;
    switch (type) {
      case "int" -> value = pick("abc", "'12'", List.of(1, 2), Map.of("a", 1), true, 1.5, "12abc");
      case "float" -> value = pick("abc", List.of(1.0), Map.of("a", 1), true, "'1.5'");
      case "bool" -> value = pick("'true'", 1, "yes-please", List.of(true), Map.of("a", true));
      case "str" -> value = pick(List.of("a", "b"), Map.of("a", "b"), List.of(Map.of("k", "v")));
      case "list" -> value = pick(Map.of("a", "b"), "not-a-list-" + token(random, 4),
          List.of(Map.of("a", "b")), List.of(List.of("x")), nullList());
      case "map" -> value = pick(List.of("a", "b"), "not-a-map", Map.of("k", List.of(1)), Map.of("k", Map.of("a", 1)));
      case "enum" -> value = pick(List.of("account"), Map.of("a", 1), 7);
      default -> throw new IllegalStateException(type);
    }
    if (random.nextInt(4) == 0) {
      // null: refused for primitives; for the others it depends on the key
      value = null;
      expect = (type.equals("int") || type.equals("bool")) && !NULL_DEFAULT_TYPES.containsKey(path)
          ? Expect.INVALID : Expect.EITHER;
    }
    if (value instanceof String str && str.startsWith("'")) {
      s.put(key, INJECT);
      return new Case(n, "wrong_type", path + " = " + str, inject(doc, str), expect, path, true, ENV);
    }
    s.put(key, value);
    return new Case(n, "wrong_type", path + " = " + shortText(value), dump(doc), expect,
        expect == Expect.INVALID ? path : null, true, ENV);
  }

  private Case deepNesting(int n, Map<String, Object> doc) {
    String section = randomSection(doc);
    Map<String, Object> s = section(doc, section);
    List<String> keys = keysOf(section);
    String key = keys.get(random.nextInt(keys.size()));
    int depth = new int[] {5, 20, 45, 60, 200, 2_000, 20_000}[random.nextInt(7)];
    boolean maps = random.nextBoolean();
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < depth; i++) {
      sb.append(maps ? "{a: " : "[");
    }
    sb.append("1");
    for (int i = 0; i < depth; i++) {
      sb.append(maps ? "}" : "]");
    }
    s.put(key, INJECT);
    String path = section + "." + key;
    // shallow ones bind and fail on the type (naming the key); deep ones are refused by the parser
    return new Case(n, "deep_nesting", path + " nested " + depth + (maps ? " maps" : " lists"),
        inject(doc, sb.toString()), Expect.INVALID, depth < 40 ? path : null, true, ENV);
  }

  private Case huge(int n, Map<String, Object> doc) {
    String section = randomSection(doc);
    Map<String, Object> s = section(doc, section);
    List<String> keys = keysOf(section);
    String key = keys.get(random.nextInt(keys.size()));
    String path = section + "." + key;
    String type = typeOf(path);
    // mostly big but loadable; one in 25 over the loader's limit of 1 MiB characters
    int size = random.nextInt(25) == 0 ? 1_100_000 + random.nextInt(100_000) : 1_000 + random.nextInt(30_000);
    switch (type) {
      case "int", "float" -> {
        int digits = random.nextInt(10) == 0 ? size : 20 + random.nextInt(2_000);
        StringBuilder sb = new StringBuilder(random.nextBoolean() ? "-" : "");
        sb.append('9');
        for (int i = 1; i < digits; i++) {
          sb.append((char) ('0' + random.nextInt(10)));
        }
        s.put(key, INJECT);
        // a huge float is infinite, a huge document over the limit: refused either way
        boolean parsed = digits < 1_000_000;
        return new Case(n, "huge_value", path + " = a number of " + digits + " digits", inject(doc, sb.toString()),
            Expect.INVALID, parsed ? path : null, parsed, ENV);
      }
      case "list" -> {
        List<String> big = new ArrayList<>();
        int count = Math.min(size / 10, 20_000);
        for (int i = 0; i < count; i++) {
          big.add("item-" + i);
        }
        s.put(key, big);
        return new Case(n, "huge_value", path + " = a list of " + count, dump(doc), Expect.EITHER, null, false, ENV);
      }
      case "map" -> {
        Map<String, Object> big = new LinkedHashMap<>();
        int count = Math.min(size / 20, 10_000);
        for (int i = 0; i < count; i++) {
          big.put("k" + i, key.equals("request_rate_limits") ? (Object) 1.5 : key.equals("files_in_home_dir")
              ? (Object) ("content " + i) : (Object) (i + 1));
        }
        s.put(key, big);
        return new Case(n, "huge_value", path + " = a map of " + count, dump(doc), Expect.EITHER, null, false, ENV);
      }
      default -> {
        s.put(key, "h" + "x".repeat(size));
        return new Case(n, "huge_value", path + " = a string of " + size, dump(doc), Expect.EITHER, null, false,
            ENV);
      }
    }
  }

  private Case brokenYaml(int n, Map<String, Object> doc) {
    String text = dump(doc);
    List<String> lines = new ArrayList<>(text.lines().toList());
    int k = random.nextInt(11);
    int at = 1 + random.nextInt(Math.max(1, lines.size() - 1));
    String what;
    switch (k) {
      case 0 -> {
        lines.set(at, "\t" + lines.get(at).stripLeading());
        what = "a tab as indentation";
      }
      case 1 -> {
        lines.set(at, replaceValue(lines.get(at), "\"" + secret()));
        what = "an unclosed double quote";
      }
      case 2 -> {
        lines.add(at, "  secret_access_key: '" + secret());
        what = "an unclosed single quote";
      }
      case 3 -> {
        // duplicate key: repeat a key line of a section right after it
        int i = indexOfKeyLine(lines, at);
        lines.add(i + 1, lines.get(i).replaceAll(":.*", ": null"));
        what = "a duplicate key";
        return new Case(n, "broken_yaml", what, String.join("\n", lines) + "\n", Expect.INVALID, null, true, ENV);
      }
      case 4 -> {
        lines.set(at, replaceValue(lines.get(at), "[a, b"));
        what = "an unclosed bracket";
      }
      case 5 -> {
        lines.add(0, billionLaughs());
        what = "a billion laughs";
      }
      case 6 -> {
        lines.set(at, " " + lines.get(at));
        what = "a bad indentation";
      }
      case 7 -> {
        lines.set(at, lines.get(at) + "\u0000\u0007");
        what = "control characters";
      }
      case 8 -> {
        lines.add(at, "  - " + token(random, 5));
        what = "a list item in a mapping";
      }
      case 9 -> {
        lines.add("---");
        lines.add("resotoworker: {}");
        what = "two documents";
      }
      default -> {
        lines.add("aws_extra: *undefined_alias");
        what = "an undefined alias";
      }
    }
    // a line indented one more, or a list item, may still be valid YAML (and a valid config)
    boolean maybe = k == 6 || k == 8;
    return new Case(n, "broken_yaml", what, String.join("\n", lines) + "\n", maybe ? Expect.EITHER : Expect.INVALID,
        null, true, ENV);
  }

  private Case invalidEnum(int n, Map<String, Object> doc) {
    boolean worker = doc.containsKey("resotoworker") && random.nextBoolean();
    String path = worker ? "resotoworker.graph_merge_kind" : "aws.retry_mode";
    String bad = pick("accounts", "Cloud", "ACCOUNT", "", "adaptiv", "Standard", "legacy2", "none",
        token(random, 6).toLowerCase()).toString();
    section(doc, worker ? "resotoworker" : "aws").put(worker ? "graph_merge_kind" : "retry_mode", bad);
    return new Case(n, "invalid_enum", path + " = '" + bad + "'", dump(doc), Expect.INVALID, path, true, ENV);
  }

  private Case badNumber(int n, Map<String, Object> doc) {
    String[] row;
    do {
      row = BAD_NUMBERS.get(random.nextInt(BAD_NUMBERS.size()));
    } while (!doc.containsKey(row[0].substring(0, row[0].indexOf('.'))));
    String value = row[1 + random.nextInt(row.length - 1)];
    String[] parts = row[0].split("\\.");
    Map<String, Object> s = section(doc, parts[0]);
    if (parts.length == 3) {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = s.get(parts[1]) instanceof Map<?, ?> existing
          ? new LinkedHashMap<>((Map<String, Object>) existing) : new LinkedHashMap<>();
      m.put(parts[2], INJECT);
      s.put(parts[1], m);
    } else {
      s.put(parts[1], INJECT);
    }
    return new Case(n, "bad_number", row[0] + " = " + value, inject(doc, value), Expect.INVALID, row[0], true, ENV);
  }

  private Case placeholder(int n, Map<String, Object> doc) {
    Map<String, Object> aws = section(doc, "aws");
    int k = random.nextInt(5);
    switch (k) {
      case 0 -> {
        aws.put("access_key_id", "AKIAPLACEHOLDER");
        aws.put("secret_access_key", "$(AWS_SECRET)");
        return new Case(n, "placeholder", "aws.secret_access_key from $(AWS_SECRET)", dump(doc), Expect.VALID, null,
            false, ENV);
      }
      case 1 -> {
        aws.put("role_session_name", "$(GRAPH_NAME)");
        return new Case(n, "placeholder", "aws.role_session_name = $(GRAPH_NAME)", dump(doc), Expect.VALID, null,
            false, ENV);
      }
      case 2 -> {
        String var = "UNSET_" + token(random, 6).toUpperCase();
        aws.put("role", "arn:aws:iam::123456789012:role/$(" + var + ")");
        return new Case(n, "placeholder", "aws.role with unset $(" + var + ")", dump(doc), Expect.INVALID,
            "aws.role", true, ENV);
      }
      case 3 -> {
        aws.put("max_attempts", "$(TIMEOUT_TEXT)");
        String text = dump(doc).replace("'$(TIMEOUT_TEXT)'", "$(TIMEOUT_TEXT)");
        return new Case(n, "placeholder", "aws.max_attempts = $(TIMEOUT_TEXT) (abc)", text, Expect.INVALID,
            "aws.max_attempts", true, ENV);
      }
      default -> {
        aws.put("account_pool_size", "$(POOL)");
        String text = dump(doc).replace("'$(POOL)'", "$(POOL)");
        return new Case(n, "placeholder", "aws.account_pool_size = $(POOL) (7)", text, Expect.VALID, null, false,
            ENV);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Every key of the real schema as section.key (from the full seed, which has every key). */
  private static final java.util.Set<String> SCHEMA_KEYS = new java.util.HashSet<>();

  private List<String> keysOf(String section) {
    @SuppressWarnings("unchecked")
    Map<String, Object> s = (Map<String, Object>) full.get(section);
    List<String> keys = new ArrayList<>(s.keySet());
    keys.forEach(k -> SCHEMA_KEYS.add(section + "." + k));
    return keys;
  }

  private String typeOf(String path) {
    if (path.equals("resotoworker.graph_merge_kind")) {
      return "enum";
    }
    String t = NULL_DEFAULT_TYPES.get(path);
    if (t != null) {
      return t;
    }
    String[] parts = path.split("\\.");
    Object v = ((Map<?, ?>) full.get(parts[0])).get(parts[1]);
    if (v instanceof Integer || v instanceof Long) {
      return "int";
    }
    if (v instanceof Double) {
      return "float";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof List<?>) {
      return "list";
    }
    if (v instanceof Map<?, ?>) {
      return "map";
    }
    return "str";
  }

  private String randomSection(Map<String, Object> doc) {
    List<String> names = new ArrayList<>(doc.keySet());
    return names.get(random.nextInt(names.size()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> section(Map<String, Object> doc, String name) {
    return (Map<String, Object>) doc.computeIfAbsent(name, k -> new LinkedHashMap<>());
  }

  private String nearMiss(String key) {
    for (int attempt = 0; attempt < 10; attempt++) {
      String k = key;
      int i = random.nextInt(k.length());
      k = switch (random.nextInt(5)) {
        case 0 -> k.substring(0, i) + k.substring(i + 1);                     // a letter dropped
        case 1 -> k.substring(0, i) + k.charAt(i) + k.substring(i);           // a letter doubled
        case 2 -> k.replace('_', '-');                                         // dashes
        case 3 -> k.toUpperCase();                                             // case
        default -> i + 1 < k.length()
            ? k.substring(0, i) + k.charAt(i + 1) + k.charAt(i) + k.substring(i + 2) : k + "s"; // swapped
      };
      if (!k.equals(key) && !k.isEmpty()) {
        return k;
      }
    }
    return key + "s";
  }

  /** The line with its value (after "key:" or "- ") replaced by raw text. */
  private static String replaceValue(String line, String raw) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\s*(- )?([A-Za-z0-9_./-]+:)?)").matcher(line);
    m.find();
    String head = m.group(1);
    return (head.isEmpty() ? line + ": " : head + (head.endsWith(" ") ? "" : " ")) + raw;
  }

  private static int indexOfKeyLine(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).matches("  [a-z_]+:.*")) {
        return i;
      }
    }
    return 1;
  }

  private String billionLaughs() {
    StringBuilder sb = new StringBuilder("lol0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", "
        + "\"lol\", \"lol\", \"lol\"]\n");
    for (int level = 1; level < 10; level++) {
      sb.append("lol").append(level).append(": &l").append(level).append(" [");
      for (int j = 0; j < 10; j++) {
        sb.append(j == 0 ? "" : ", ").append("*l").append(level - 1);
      }
      sb.append("]\n");
    }
    return sb.toString().stripTrailing();
  }

  private Object pick(Object... options) {
    return options[random.nextInt(options.length)];
  }

  private static List<Object> nullList() {
    List<Object> l = new ArrayList<>();
    l.add("a");
    l.add(null);
    return l;
  }

  private String secret() {
    return SECRETS.get(random.nextInt(SECRETS.size()));
  }

  private static String token(Random r, int length) {
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    StringBuilder sb = new StringBuilder();
    sb.append(alphabet.charAt(r.nextInt(26)));
    while (sb.length() < length) {
      sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private static String shortText(Object value) {
    String s = String.valueOf(value);
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }

  private String dump(Map<String, Object> doc) {
    return yaml.dump(doc);
  }

  private String inject(Map<String, Object> doc, String raw) {
    String text = dump(doc);
    if (!text.contains(INJECT)) {
      throw new IllegalStateException("no injection point");
    }
    return text.replace(INJECT, raw);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m)
        : v instanceof List<?> l ? new ArrayList<>(l) : v));
    return copy;
  }
}
