package io.resoto.worker.config;

import io.resoto.worker.spi.Secret;
import io.resoto.worker.spi.ValidatedConfig;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the worker's configuration: one YAML document whose top-level keys are sections
 * ({@code resotoworker} and one per collector plugin), each bound to a record.
 *
 * <p>Layers, lowest precedence first: the record's {@code DEFAULTS} constant, the config file,
 * environment variables {@code RESOTOWORKER_<KEY>} (section {@code resotoworker}) and {@code
 * RESOTOWORKER_<SECTION>__<KEY>} (other sections; {@code __<ENTRY>} appends a map entry), and
 * {@code --override section.key=value} entries ({@code section.key.entry=value} for a map entry).
 * Every layer is checked in full, so one {@link ConfigException} lists every problem.
 *
 * <p>Binding is strict: unknown keys, duplicate keys and values of the wrong YAML type are errors.
 * In the file, quoted scalars are strings ({@code "12"} is not an integer), booleans are only
 * {@code true}/{@code false}, and {@code null}, {@code ~} or nothing is null. {@code $(NAME)} in a
 * scalar value or map key is replaced by the environment variable NAME before conversion; there is
 * no escape for a literal {@code $(...)}. Environment and override values are strings converted to
 * the key's type: lists are comma separated, booleans also accept {@code 1/0/yes/no}, and {@code
 * null} in any case is null. Nulls inside lists and maps are rejected.
 *
 * <p>A section record without {@code DEFAULTS} (a {@code public static final} field of its own
 * type) gets null for absent reference components and a "missing key" problem for absent primitive
 * ones. Nested records (list elements, map values) never have defaults: all their keys are required.
 *
 * <p>Supported component types: String, {@link Secret}, int/Integer, long/Long, double/Double,
 * boolean/Boolean, enums (written as the lower-case constant name), {@code List<T>}, {@code
 * Map<String, T>} and records. Instances are immutable and may be shared between threads.
 */
public final class ConfigLoader {

  /** Name of the worker's own section. */
  public static final String WORKER_SECTION = "resotoworker";

  static final String ENV_PREFIX = "RESOTOWORKER_";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\((\\w+)\\)");
  // No "__" inside: that separates section and key in environment variable names.
  private static final Pattern SECTION_NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  private static final Pattern KUBERNETES_SERVICE_LINK =
      Pattern.compile(".*_SERVICE_HOST|.*_SERVICE_PORT.*|.*_PORT|.*_PORT_\\d+_(TCP|UDP|SCTP).*");
  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
  private static final Pattern FLOAT =
      Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  // A config file is small; the limit stops a runaway file from eating the heap and the time:
  // SnakeYAML reads about a million characters a second, so a file at the limit is refused within
  // about a second (at 4 MiB it took up to 5 s).
  private static final int CODE_POINT_LIMIT = 1024 * 1024;
  private static final Object INVALID = new Object();
  private static final int ALIAS_LIMIT = 50;
  private static final int MESSAGE_LIMIT = 500;
  private static final int NESTING_LIMIT = 50;

  private final Map<String, RecordSchema> sections;
  private final Map<Class<?>, RecordSchema> schemas;

  /**
   * Creates a loader for the given sections.
   *
   * @param sections section name to record class, in display order; must map {@value
   *     #WORKER_SECTION} to {@link ResotoWorkerConfig}. Names are lower-case snake_case.
   * @throws IllegalArgumentException if a name or a record type cannot be used
   */
  public ConfigLoader(Map<String, Class<? extends Record>> sections) {
    this(sections, (name, section, problems) -> {});
  }

  /**
   * Checks a whole section beyond what its record knows, for example that the collectors it names
   * exist. Problems are reported like the record's own: with the key's path and source.
   */
  @FunctionalInterface
  public interface SectionCheck {
    void check(String sectionName, Record section, io.resoto.worker.spi.ConfigProblems problems);
  }

  private final SectionCheck sectionCheck;

  /** A loader that also runs {@code check} on every section that binds. */
  public ConfigLoader(Map<String, Class<? extends Record>> sections, SectionCheck check) {
    Objects.requireNonNull(sections, "sections");
    this.sectionCheck = Objects.requireNonNull(check, "check");
    if (sections.get(WORKER_SECTION) != ResotoWorkerConfig.class) {
      throw new IllegalArgumentException(
          "sections must map '" + WORKER_SECTION + "' to " + ResotoWorkerConfig.class.getName());
    }
    Map<Class<?>, RecordSchema> registry = new HashMap<>();
    Map<String, RecordSchema> bySection = new LinkedHashMap<>();
    sections.forEach(
        (name, type) -> {
          if (name == null || !SECTION_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid section name '" + name + "'");
          }
          bySection.put(name, RecordSchema.build(Objects.requireNonNull(type, name), registry));
        });
    this.sections = Collections.unmodifiableMap(bySection);
    this.schemas = Collections.unmodifiableMap(registry);
  }

  /**
   * Loads defaults, then the file (if not null), then environment overrides, then {@code
   * --override} entries.
   *
   * @param fileOrNull the config file; problems name it as given
   * @param environment the process environment, for placeholders and {@code RESOTOWORKER_*}
   * @param overrides {@code section.key=value} entries, later ones win
   * @throws ConfigException with all problems found, including an unreadable file
   */
  public LoadedConfig load(Path fileOrNull, Map<String, String> environment, List<String> overrides)
      throws ConfigException {
    return load(null, null, fileOrNull, environment, overrides);
  }

  /**
   * Loads with the config the core keeps for this worker as an extra layer: defaults, then the
   * core's document, then the file, then environment overrides, then {@code --override} entries.
   * The core's document has been reduced to the known sections and keys by the caller ({@link
   * #keys}).
   *
   * @param coreDocument the core's config document (JSON is YAML), or null when there is none
   * @param coreName names the core layer in sources and problems, e.g. {@code "core resoto.worker"}
   */
  public LoadedConfig load(String coreDocument, String coreName, Path fileOrNull,
      Map<String, String> environment, List<String> overrides) throws ConfigException {
    Run run = new Run(fileOrNull == null ? null : fileOrNull.toString(), environment);
    if (coreDocument != null) {
      run.parseCore(coreDocument, Objects.requireNonNull(coreName, "coreName"));
    }
    if (fileOrNull != null) {
      try {
        run.parse(Files.readString(fileOrNull));
      } catch (IOException e) {
        run.problems.add(
            new ConfigProblem(fileOrNull.toString(), "", "cannot read the file: " + reason(e)));
      }
    }
    return run.finish(overrides, fileOrNull);
  }

  /** The keys of a section in record order, or an empty list for an unknown section. */
  public List<String> keys(String section) {
    RecordSchema schema = sections.get(section);
    return schema == null ? List.of() : List.copyOf(schema.components().keySet());
  }

  /**
   * Every section at its defaults as plain JSON-able values (String, Long, Double, Boolean, List,
   * Map; enums by their YAML name; secrets revealed, since this is what is stored in the core). A
   * section without DEFAULTS has null (or zero) values.
   */
  public Map<String, Object> defaultValues() {
    Map<String, Object> doc = new LinkedHashMap<>();
    sections.forEach((name, schema) -> {
      Map<String, Object> section = new LinkedHashMap<>();
      for (RecordSchema.Component c : schema.components().values()) {
        Object value = schema.defaults() != null ? schema.defaultOf(c) : Types.zero(Types.raw(c.type()));
        section.put(c.key(), plain(value));
      }
      doc.put(name, section);
    });
    return doc;
  }

  private Object plain(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Secret secret) {
      return secret.reveal();
    }
    if (value instanceof Enum<?> e) {
      return Types.yamlName(e);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(plain(v)));
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put((String) k, plain(v)));
      return out;
    }
    if (value instanceof Record record) {
      RecordSchema schema = schemas.get(record.getClass());
      Map<String, Object> out = new LinkedHashMap<>();
      for (RecordSchema.Component c : schema.components().values()) {
        out.put(c.key(), plain(c.get(record)));
      }
      return out;
    }
    return value.toString();
  }

  /**
   * The config model in the core's format (reference §2.4 5a, §5.7): one complex kind per section
   * whose fqn is the section's name as the core knows it, one per nested record type and one enum
   * kind per enum type (both named {@code <section>_<type in snake_case>}), every property with
   * its kind, whether it is required (a primitive, or a key whose default is not null) and its
   * description. With it the core shows and validates the keys in {@code config edit}.
   *
   * @param coreSectionName the name the core uses for a section (the worker section's name
   *     depends on the core's flavor)
   */
  public List<io.resoto.worker.graph.ModelKind> configModel(java.util.function.UnaryOperator<String> coreSectionName) {
    Map<String, io.resoto.worker.graph.ModelKind> kinds = new LinkedHashMap<>();
    sections.forEach((name, schema) -> {
      String fqn = coreSectionName.apply(name);
      kinds.put(fqn, complexKind(fqn, fqn, schema, true, kinds));
    });
    return List.copyOf(kinds.values());
  }

  private io.resoto.worker.graph.ComplexKind complexKind(String fqn, String prefix, RecordSchema schema,
      boolean section, Map<String, io.resoto.worker.graph.ModelKind> kinds) {
    List<io.resoto.worker.graph.Property> properties = new ArrayList<>();
    for (RecordSchema.Component c : schema.components().values()) {
      boolean required = c.primitive() || (section && schema.defaultOf(c) != null);
      properties.add(new io.resoto.worker.graph.Property(c.key(), propertyKind(c.type(), prefix, kinds), required,
          c.doc()));
    }
    return new io.resoto.worker.graph.ComplexKind(fqn, List.of(), properties, Map.of(), false, Map.of());
  }

  private String propertyKind(Type type, String prefix, Map<String, io.resoto.worker.graph.ModelKind> kinds) {
    Class<?> raw = Types.raw(type);
    if (raw == String.class || raw == Secret.class) {
      return "string";
    }
    if (Types.isInteger(raw)) {
      return "int64";
    }
    if (Types.isDouble(raw)) {
      return "double";
    }
    if (Types.isBoolean(raw)) {
      return "boolean";
    }
    if (raw == List.class) {
      return propertyKind(Types.elementType(type), prefix, kinds) + "[]";
    }
    if (raw == Map.class) {
      return "dictionary[string, " + propertyKind(Types.valueType(type), prefix, kinds) + "]";
    }
    String fqn = prefix + "_" + RecordSchema.snakeCase(raw.getSimpleName());
    if (raw.isEnum()) {
      List<String> names = new ArrayList<>();
      for (Object constant : raw.getEnumConstants()) {
        names.add(Types.yamlName((Enum<?>) constant));
      }
      kinds.putIfAbsent(fqn, new io.resoto.worker.graph.SimpleKind(fqn, "string", names));
      return fqn;
    }
    if (raw.isRecord() && !kinds.containsKey(fqn)) {
      kinds.put(fqn, complexKind(fqn, prefix, schemas.get(raw), false, kinds));
    }
    return fqn;
  }

  /**
   * Loads like {@link #load(Path, Map, List)}, from YAML text.
   *
   * @param sourceName names the text in problems and sources, e.g. {@code "config.yaml"}
   */
  public LoadedConfig load(
      String yamlText, String sourceName, Map<String, String> environment, List<String> overrides)
      throws ConfigException {
    Objects.requireNonNull(sourceName, "sourceName");
    Run run = new Run(sourceName, environment);
    run.parse(Objects.requireNonNull(yamlText, "yamlText"));
    return run.finish(overrides, null);
  }

  /**
   * A complete sample configuration: every section, every key at its default with its {@code @Doc}
   * text as a comment above. It loads back to the defaults, except that secrets are written as
   * {@value Secret#REDACTED} and a section without DEFAULTS shows null (or zero) values.
   */
  public String defaultsYaml() {
    YamlWriter writer = new YamlWriter(schemas, true, null);
    writer.comment(
        "Configuration of the resotoworker; every key is shown at its default.\n"
            + "A value may contain $(NAME) to insert the environment variable NAME.\n"
            + "RESOTOWORKER_<KEY> overrides resotoworker.<key>,\n"
            + "RESOTOWORKER_<SECTION>__<KEY> overrides <section>.<key>,\n"
            + "and --override <section>.<key>=<value> overrides both.");
    for (Map.Entry<String, RecordSchema> section : sections.entrySet()) {
      RecordSchema schema = section.getValue();
      List<Object> values = new ArrayList<>();
      for (RecordSchema.Component component : schema.components().values()) {
        values.add(
            schema.defaults() != null
                ? schema.defaultOf(component)
                : Types.zero(Types.raw(component.type())));
      }
      writer.blankLine();
      writer.section(section.getKey(), schema, values, values);
    }
    return writer.text();
  }

  /** The names of the sections, in display order. */
  public List<String> sectionNames() {
    return List.copyOf(sections.keySet());
  }

  /** True for names Kubernetes gives service-link variables, e.g. RESOTOWORKER_PORT_9956_TCP. */
  public static boolean isKubernetesServiceLink(String variable) {
    return KUBERNETES_SERVICE_LINK.matcher(variable).matches();
  }

  /** The source recorded for path or the nearest enclosing path; DEFAULT if none. */
  static Source lookup(Map<String, Source> sources, String path) {
    for (String p = path; p != null; p = parent(p)) {
      Source source = sources.get(p);
      if (source != null) {
        return source;
      }
    }
    return Source.DEFAULT;
  }

  private static String parent(String path) {
    int i = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return i <= 0 ? null : path.substring(0, i);
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /**
   * A plugin's problem message, cut to a readable length: one that quotes a huge value would
   * otherwise make a line of megabytes ({@link io.resoto.worker.spi.ConfigProblems#quote} keeps
   * quoted values short in the first place).
   */
  static String capped(String message) {
    return message.length() <= MESSAGE_LIMIT ? message : message.substring(0, MESSAGE_LIMIT) + "...";
  }

  /** SnakeYAML's words for the limits it enforces, in ours. */
  private static String limitMessage(YAMLException e) {
    String m = String.valueOf(e.getMessage());
    if (m.startsWith("Nesting Depth exceeded")) {
      return "lists and mappings nested more than " + NESTING_LIMIT + " levels deep";
    }
    if (m.startsWith("Number of aliases for non-scalar nodes")) {
      return "more than " + ALIAS_LIMIT + " aliases of lists or mappings (a config needs none)";
    }
    if (m.startsWith("The incoming YAML document exceeds the limit")) {
      return "the file is longer than the limit of " + CODE_POINT_LIMIT + " characters";
    }
    return m;
  }

  // Scalars are shown in messages; long or multi-line ones would drown the message.
  private static String show(String text) {
    StringBuilder sb = new StringBuilder("'");
    int n = 0;
    for (int i = 0; i < text.length() && n < 60; i++, n++) {
      char c = text.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    if (text.length() > 60) {
      sb.append("...");
    }
    return sb.append('\'').toString();
  }

  private static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  private static String suggestion(String name, Iterable<String> known) {
    String best = null;
    int bestDistance = 3;
    for (String candidate : known) {
      int d = editDistance(name, candidate);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  private String unknownSection(String name) {
    String close = suggestion(name, sections.keySet());
    return "unknown section '"
        + name
        + "'"
        + (close == null ? "" : "; did you mean '" + close + "'?")
        + " (known sections: "
        + String.join(", ", sections.keySet())
        + ")";
  }

  private static String unknownKey(String key, RecordSchema schema) {
    String close = suggestion(key, schema.components().keySet());
    if (close != null) {
      return "unknown key '" + key + "'; did you mean '" + close + "'?";
    }
    return "unknown key '"
        + key
        + "'; known keys: "
        + String.join(", ", schema.components().keySet());
  }

  private boolean containsSecret(Type type) {
    return containsSecret(type, new HashSet<>());
  }

  private boolean containsSecret(Type type, Set<Class<?>> visiting) {
    Class<?> raw = Types.raw(type);
    if (raw == Secret.class) {
      return true;
    }
    if (raw == List.class) {
      return containsSecret(Types.elementType(type), visiting);
    }
    if (raw == Map.class) {
      return containsSecret(Types.valueType(type), visiting);
    }
    if (raw.isRecord() && visiting.add(raw)) {
      for (RecordSchema.Component c : schemas.get(raw).components().values()) {
        if (containsSecret(c.type(), visiting)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A key addressed by an environment variable or an override.
   *
   * @param subkeys map entry keys below the component, outermost first
   * @param type the type of the addressed value
   */
  private record Target(
      String section, RecordSchema.Component component, List<String> subkeys, Type type) {
    String path() {
      StringBuilder sb = new StringBuilder(section).append('.').append(component.key());
      subkeys.forEach(k -> sb.append('.').append(k));
      return sb.toString();
    }
  }

  /** The state of one load; discarded afterwards. */
  private final class Run {
    private String sourceName;
    private boolean coreLayer;
    private final Map<String, String> environment;
    private final List<ConfigProblem> problems = new ArrayList<>();
    // Sorted, so that clearing what is below a path is a range: a list of n elements binds in
    // O(n log n), not O(n^2) (a 20,000-element list took minutes).
    private final java.util.TreeMap<String, Source> sources = new java.util.TreeMap<>();
    private final Map<String, Map<String, Object>> values = new LinkedHashMap<>();
    private final Map<String, Set<String>> missing = new HashMap<>();
    private final Map<String, Source> sectionPositions = new HashMap<>();
    private final List<String> ignored = new ArrayList<>();

    Run(String sourceName, Map<String, String> environment) {
      this.sourceName = sourceName;
      this.environment = Objects.requireNonNull(environment, "environment");
      sections.forEach(
          (name, schema) -> {
            Map<String, Object> sectionValues = new LinkedHashMap<>();
            Set<String> absent = new HashSet<>();
            for (RecordSchema.Component component : schema.components().values()) {
              sectionValues.put(component.key(), schema.defaultOf(component));
              if (schema.defaults() == null && component.primitive()) {
                absent.add(component.key());
              }
            }
            values.put(name, sectionValues);
            missing.put(name, absent);
          });
    }

    /** Parses the core's config document as the layer below the file. */
    void parseCore(String text, String name) {
      String file = sourceName;
      sourceName = name;
      coreLayer = true;
      try {
        parse(text);
      } finally {
        sourceName = file;
        coreLayer = false;
      }
    }

    void parse(String text) {
      LoaderOptions options = new LoaderOptions();
      options.setCodePointLimit(CODE_POINT_LIMIT);
      options.setMaxAliasesForCollections(ALIAS_LIMIT);
      options.setNestingDepthLimit(NESTING_LIMIT);
      options.setAllowRecursiveKeys(false);
      List<Node> documents = new ArrayList<>();
      org.yaml.snakeyaml.reader.StreamReader reader =
          new org.yaml.snakeyaml.reader.StreamReader(new StringReader(text));
      try {
        org.yaml.snakeyaml.composer.Composer composer = new org.yaml.snakeyaml.composer.Composer(
            new org.yaml.snakeyaml.parser.ParserImpl(reader, options),
            new org.yaml.snakeyaml.resolver.Resolver(), options);
        while (composer.checkNode()) {
          documents.add(composer.getNode());
        }
      } catch (MarkedYAMLException e) {
        // Only the short reason: the full message quotes the offending line, which may hold a secret.
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String why = e.getProblem() != null ? e.getProblem() : e.getContext();
        problems.add(
            new ConfigProblem(
                mark == null ? sourceName : at(mark).full(), "", "invalid YAML: " + why));
        return;
      } catch (YAMLException e) {
        // the limits (nesting, aliases, size) have no mark of their own: where the reader stopped
        // is the place (a little after it at most)
        problems.add(new ConfigProblem(at(reader.getMark()).full(), "", "invalid YAML: " + limitMessage(e)));
        return;
      }
      if (documents.size() > 1) {
        problems.add(
            new ConfigProblem(
                at(documents.get(1).getStartMark()).full(),
                "",
                "expected one YAML document, found " + documents.size()));
      }
      if (!documents.isEmpty()) {
        bindRoot(documents.get(0));
      }
    }

    private void bindRoot(Node root) {
      if (root == null || isNull(root)) {
        return;
      }
      if (!(root instanceof MappingNode mapping)) {
        problem(root, "", "the root must be a mapping of sections, got " + kind(root, false));
        return;
      }
      Map<String, Node> seen = new HashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        String name = key(tuple.getKeyNode(), "", seen);
        if (name == null) {
          continue;
        }
        RecordSchema schema = sections.get(name);
        if (schema == null) {
          problem(tuple.getKeyNode(), name, unknownSection(name));
          continue;
        }
        sectionPositions.put(name, at(tuple.getKeyNode().getStartMark()));
        bindSection(name, schema, tuple.getValueNode());
      }
    }

    private void bindSection(String name, RecordSchema schema, Node node) {
      if (isNull(node)) {
        return;
      }
      if (!(node instanceof MappingNode mapping)) {
        problem(node, name, "expected a mapping, got " + kind(node, false));
        return;
      }
      Map<String, Node> seen = new HashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        String key = key(tuple.getKeyNode(), name, seen);
        if (key == null) {
          continue;
        }
        RecordSchema.Component component = schema.component(key);
        String path = name + "." + key;
        if (component == null) {
          problem(tuple.getKeyNode(), path, unknownKey(key, schema));
          continue;
        }
        Object value = fromNode(tuple.getValueNode(), component.type(), path);
        if (value == INVALID) {
          clearUnder(path);
        } else {
          values.get(name).put(key, value);
          missing.get(name).remove(key);
        }
      }
    }

    /** The text of a mapping key; null (after reporting) if it is not a string or a duplicate. */
    private String key(Node keyNode, String parentPath, Map<String, Node> seen) {
      if (!(keyNode instanceof ScalarNode scalar)) {
        problem(keyNode, parentPath, "keys must be strings, got " + kind(keyNode, false));
        return null;
      }
      String key = scalar.getValue();
      Node first = seen.putIfAbsent(key, keyNode);
      if (first != null) {
        String path = parentPath.isEmpty() ? key : parentPath + "." + key;
        problem(
            keyNode,
            path,
            "duplicate key '" + key + "' (first at line " + (first.getStartMark().getLine() + 1) + ")");
        return null;
      }
      return key;
    }

    /** Converts a YAML node to a value of {@code type}, or reports and returns INVALID. */
    private Object fromNode(Node node, Type type, String path) {
      clearUnder(path);
      sources.put(path, at(node.getStartMark()));
      Class<?> raw = Types.raw(type);
      if (node instanceof ScalarNode scalar) {
        String text = substitute(scalar.getValue(), node, path);
        if (text == null) {
          return INVALID;
        }
        boolean plain = scalar.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN;
        if (plain && NULLS.contains(text)) {
          if (raw.isPrimitive()) {
            problem(node, path, "expected " + Types.describe(type) + ", got null");
            return INVALID;
          }
          return null;
        }
        return fromScalar(text, plain, type, node, path);
      }
      if (node instanceof SequenceNode sequence && raw == List.class) {
        Type elementType = Types.elementType(type);
        List<Object> list = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < sequence.getValue().size(); i++) {
          Node element = sequence.getValue().get(i);
          String elementPath = path + "[" + i + "]";
          Object value = fromNode(element, elementType, elementPath);
          if (value == null) {
            problem(element, elementPath, "null is not allowed in a list");
          }
          ok &= value != null && value != INVALID;
          list.add(value);
        }
        return ok ? Collections.unmodifiableList(list) : INVALID;
      }
      if (node instanceof MappingNode mapping && raw == Map.class) {
        return mapFromNode(mapping, type, path);
      }
      if (node instanceof MappingNode mapping && raw.isRecord()) {
        return recordFromNode(mapping, schemas.get(raw), path);
      }
      return typeError(node, type, path);
    }

    private Object fromScalar(String text, boolean plain, Type type, Node node, String path) {
      Class<?> raw = Types.raw(type);
      if (raw == String.class) {
        return text;
      }
      if (raw == Secret.class) {
        return Secret.of(text);
      }
      String got = plain ? show(text) : "the string " + show(text);
      if (Types.isInteger(raw)) {
        if (plain && INTEGER.matcher(text).matches()) {
          Object value = integer(text, raw);
          if (value != null) {
            return value;
          }
          problem(node, path, "expected an integer " + range(raw) + ", got " + got);
          return INVALID;
        }
      } else if (Types.isDouble(raw)) {
        Double value = plain ? number(text) : null;
        if (value != null) {
          return value;
        }
      } else if (Types.isBoolean(raw)) {
        if (plain && Set.of("true", "True", "TRUE").contains(text)) {
          return Boolean.TRUE;
        }
        if (plain && Set.of("false", "False", "FALSE").contains(text)) {
          return Boolean.FALSE;
        }
      } else if (raw.isEnum()) {
        Object constant = Types.enumConstant(raw, text);
        if (constant != null) {
          return constant;
        }
        got = show(text);
      } else {
        return typeError(node, type, path);
      }
      problem(node, path, "expected " + Types.describe(type) + ", got " + got);
      return INVALID;
    }

    private Object mapFromNode(MappingNode mapping, Type type, String path) {
      Type valueType = Types.valueType(type);
      Map<String, Object> map = new LinkedHashMap<>();
      Map<String, Node> seen = new HashMap<>();
      boolean ok = true;
      for (NodeTuple tuple : mapping.getValue()) {
        String key = key(tuple.getKeyNode(), path, seen);
        if (key != null) {
          key = substitute(key, tuple.getKeyNode(), path);
        }
        if (key == null) {
          ok = false;
          continue;
        }
        String entryPath = path + "." + key;
        Object value = fromNode(tuple.getValueNode(), valueType, entryPath);
        if (value == null) {
          problem(tuple.getValueNode(), entryPath, "null is not allowed as a map value");
        }
        ok &= value != null && value != INVALID;
        map.put(key, value);
      }
      return ok ? Collections.unmodifiableMap(map) : INVALID;
    }

    private Object recordFromNode(MappingNode mapping, RecordSchema schema, String path) {
      List<String> keys = new ArrayList<>(schema.components().keySet());
      Object[] args = new Object[keys.size()];
      boolean[] present = new boolean[keys.size()];
      Map<String, Node> seen = new HashMap<>();
      boolean ok = true;
      for (NodeTuple tuple : mapping.getValue()) {
        String key = key(tuple.getKeyNode(), path, seen);
        if (key == null) {
          ok = false;
          continue;
        }
        RecordSchema.Component component = schema.component(key);
        if (component == null) {
          problem(tuple.getKeyNode(), path + "." + key, unknownKey(key, schema));
          ok = false;
          continue;
        }
        Object value = fromNode(tuple.getValueNode(), component.type(), path + "." + key);
        int index = keys.indexOf(key);
        args[index] = value;
        present[index] = true;
        ok &= value != INVALID;
      }
      for (int i = 0; i < keys.size(); i++) {
        if (!present[i]) {
          problem(mapping, path, "missing key '" + keys.get(i) + "'");
          ok = false;
        }
      }
      if (!ok) {
        return INVALID;
      }
      try {
        Record record = schema.construct(args);
        validate(record, path);
        return record;
      } catch (IllegalArgumentException e) {
        problem(mapping, path, "invalid value: " + e.getMessage());
        return INVALID;
      }
    }

    private Object typeError(Node node, Type type, String path) {
      problem(
          node,
          path,
          "expected " + Types.describe(type) + ", got " + kind(node, containsSecret(type)));
      return INVALID;
    }

    /** Replaces $(NAME) placeholders; null (after reporting) if a variable is not set. */
    private String substitute(String text, Node node, String path) {
      Matcher matcher = PLACEHOLDER.matcher(text);
      StringBuilder sb = new StringBuilder();
      boolean ok = true;
      while (matcher.find()) {
        String variable = matcher.group(1);
        String value = environment.get(variable);
        if (value == null) {
          problem(
              node,
              path,
              "environment variable " + variable + " is not set (placeholder $(" + variable + "))");
          ok = false;
          value = "";
        }
        matcher.appendReplacement(sb, Matcher.quoteReplacement(value));
      }
      matcher.appendTail(sb);
      return ok ? sb.toString() : null;
    }

    private void applyEnvironment() {
      for (Map.Entry<String, String> e : new TreeMap<>(environment).entrySet()) {
        String name = e.getKey();
        if (!name.startsWith(ENV_PREFIX)) {
          continue;
        }
        Target target = environmentTarget(name.substring(ENV_PREFIX.length()));
        if (target == null) {
          if (!isKubernetesServiceLink(name)) {
            ignored.add(name);
          }
          continue;
        }
        apply(target, e.getValue(), Source.env(name), "the environment", name + "__<KEY>");
      }
    }

    private Target environmentTarget(String rest) {
      String[] parts = rest.split("__", -1);
      String section = WORKER_SECTION;
      int first = 0;
      if (parts.length > 1) {
        String name = parts[0].toLowerCase(Locale.ROOT);
        if (!name.equals(WORKER_SECTION) && sections.containsKey(name)) {
          section = name;
          first = 1;
        }
      }
      RecordSchema.Component component =
          sections.get(section).component(parts[first].toLowerCase(Locale.ROOT));
      if (component == null) {
        return null;
      }
      Type type = component.type();
      List<String> subkeys = new ArrayList<>();
      for (int i = first + 1; i < parts.length; i++) {
        if (!Types.isMap(type) || parts[i].isEmpty()) {
          return null;
        }
        // Map keys are data, so their case is kept; section and key names are matched ignoring case.
        subkeys.add(parts[i]);
        type = Types.valueType(type);
      }
      return new Target(section, component, subkeys, type);
    }

    private void applyOverrides(List<String> overrides) {
      for (String entry : overrides) {
        int eq = entry.indexOf('=');
        if (eq < 0) {
          problems.add(
              new ConfigProblem(
                  Source.override(entry).full(), "", "expected section.key=value"));
          continue;
        }
        String target = entry.substring(0, eq).trim();
        String value = entry.substring(eq + 1);
        // Until the key is known to hold no secret, its value stays out of messages.
        String hidden = Source.override(target + "=" + Secret.REDACTED).full();
        int dot = target.indexOf('.');
        if (dot <= 0 || dot == target.length() - 1) {
          problems.add(new ConfigProblem(hidden, "", "expected section.key=value"));
          continue;
        }
        String section = target.substring(0, dot);
        RecordSchema schema = sections.get(section);
        if (schema == null) {
          problems.add(new ConfigProblem(hidden, section, unknownSection(section)));
          continue;
        }
        String rest = target.substring(dot + 1);
        int keyEnd = rest.indexOf('.');
        String key = keyEnd < 0 ? rest : rest.substring(0, keyEnd);
        rest = keyEnd < 0 ? null : rest.substring(keyEnd + 1);
        RecordSchema.Component component = schema.component(key);
        if (component == null) {
          problems.add(new ConfigProblem(hidden, section + "." + key, unknownKey(key, schema)));
          continue;
        }
        Type type = component.type();
        List<String> subkeys = new ArrayList<>();
        String problem = null;
        while (rest != null && problem == null) {
          if (!Types.isMap(type)) {
            problem = "'" + section + "." + key + "' is not a map, so it has no entry '" + rest + "'";
            break;
          }
          Type valueType = Types.valueType(type);
          // Only a nested map splits further: map keys such as ".aws/credentials" contain dots.
          int end = Types.isMap(valueType) ? rest.indexOf('.') : -1;
          String subkey = end < 0 ? rest : rest.substring(0, end);
          rest = end < 0 ? null : rest.substring(end + 1);
          if (subkey.isEmpty()) {
            problem = "map keys must not be empty";
          }
          subkeys.add(subkey);
          type = valueType;
        }
        if (problem != null) {
          problems.add(new ConfigProblem(hidden, target, problem));
          continue;
        }
        Target resolved = new Target(section, component, subkeys, type);
        Source source =
            containsSecret(type)
                ? Source.override(target + "=" + Secret.REDACTED)
                : Source.override(target + "=" + value);
        apply(resolved, value, source, "an override", section + "." + key + ".<key>=<value>");
      }
    }

    private void apply(Target target, String text, Source source, String where, String entryHint) {
      String path = target.path();
      Object value = fromString(text, target.type(), path, source, where, entryHint);
      if (value == INVALID) {
        return;
      }
      Map<String, Object> sectionValues = values.get(target.section());
      String key = target.component().key();
      if (target.subkeys().isEmpty()) {
        sectionValues.put(key, value);
      } else if (value == null) {
        problem(source, path, "null is not allowed as a map value");
        return;
      } else {
        sectionValues.put(key, withEntry(sectionValues.get(key), target.subkeys(), 0, value));
      }
      missing.get(target.section()).remove(key);
      clearUnder(path);
      sources.put(path, source);
    }

    private Object withEntry(Object current, List<String> keys, int index, Object value) {
      Map<String, Object> map = new LinkedHashMap<>();
      if (current instanceof Map<?, ?> existing) {
        existing.forEach((k, v) -> map.put((String) k, v));
      }
      String key = keys.get(index);
      map.put(
          key, index == keys.size() - 1 ? value : withEntry(map.get(key), keys, index + 1, value));
      return Collections.unmodifiableMap(map);
    }

    /** Converts an environment or override string to {@code type}, or reports and returns INVALID. */
    private Object fromString(
        String text, Type type, String path, Source source, String where, String entryHint) {
      Class<?> raw = Types.raw(type);
      String trimmed = text.strip();
      if (trimmed.equalsIgnoreCase("null") && !raw.isPrimitive()) {
        return null;
      }
      if (raw == String.class) {
        return text;
      }
      if (raw == Secret.class) {
        return Secret.of(text);
      }
      if (Types.isInteger(raw)) {
        Object value = INTEGER.matcher(trimmed).matches() ? integer(trimmed, raw) : null;
        if (value != null) {
          return value;
        }
      } else if (Types.isDouble(raw)) {
        Double value = number(trimmed);
        if (value != null) {
          return value;
        }
      } else if (Types.isBoolean(raw)) {
        switch (trimmed.toLowerCase(Locale.ROOT)) {
          case "true", "yes", "1":
            return Boolean.TRUE;
          case "false", "no", "0":
            return Boolean.FALSE;
          default:
            break;
        }
      } else if (raw.isEnum()) {
        Object constant = Types.enumConstant(raw, trimmed);
        if (constant != null) {
          return constant;
        }
      } else if (raw == List.class) {
        Type elementType = Types.elementType(type);
        Class<?> elementRaw = Types.raw(elementType);
        if (elementRaw.isRecord() || elementRaw == List.class || elementRaw == Map.class) {
          problem(source, path, "cannot be set from " + where + "; use the config file");
          return INVALID;
        }
        List<Object> list = new ArrayList<>();
        if (trimmed.isEmpty()) {
          return List.of();
        }
        boolean ok = true;
        String[] parts = text.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
          String elementPath = path + "[" + i + "]";
          Object value = fromString(parts[i].strip(), elementType, elementPath, source, where, entryHint);
          if (value == null) {
            problem(source, elementPath, "null is not allowed in a list");
          }
          ok &= value != null && value != INVALID;
          list.add(value);
        }
        return ok ? Collections.unmodifiableList(list) : INVALID;
      } else if (raw == Map.class) {
        problem(
            source,
            path,
            "cannot be set as a whole from " + where + "; set single entries with " + entryHint);
        return INVALID;
      } else {
        problem(source, path, "cannot be set from " + where + "; use the config file");
        return INVALID;
      }
      String message =
          Types.isInteger(raw) && INTEGER.matcher(trimmed).matches()
              ? "expected an integer " + range(raw) + ", got " + show(text)
              : "expected " + Types.describe(type) + ", got " + show(text);
      problem(source, path, message);
      return INVALID;
    }

    LoadedConfig finish(List<String> overrides, Path file) throws ConfigException {
      applyEnvironment();
      applyOverrides(Objects.requireNonNull(overrides, "overrides"));
      Map<String, Record> built = new LinkedHashMap<>();
      for (Map.Entry<String, RecordSchema> section : sections.entrySet()) {
        String name = section.getKey();
        Set<String> absent = missing.get(name);
        if (!absent.isEmpty()) {
          Source where =
              sectionPositions.getOrDefault(
                  name, sourceName == null ? Source.DEFAULT : Source.file(sourceName, 0, 0));
          for (String key : section.getValue().components().keySet()) {
            if (absent.contains(key)) {
              problems.add(
                  new ConfigProblem(where.full(), name + "." + key, "missing key '" + key + "'"));
            }
          }
          continue;
        }
        try {
          Record record = section.getValue().construct(values.get(name).values().toArray());
          validate(record, name);
          sectionCheck.check(name, record, (key, message) -> {
            String path = name + "." + key;
            problems.add(new ConfigProblem(lookup(sources, path).full(), path, capped(message)));
          });
          built.put(name, record);
        } catch (IllegalArgumentException e) {
          Source where = sectionPositions.getOrDefault(name, Source.DEFAULT);
          problems.add(new ConfigProblem(where.full(), name, "invalid section: " + e.getMessage()));
        }
      }
      if (!problems.isEmpty()) {
        throw new ConfigException(problems);
      }
      Map<String, RecordSchema> sectionSchemas = sections;
      return new LoadedConfig(
          built, sectionSchemas, schemas, Map.copyOf(sources), file, List.copyOf(ignored));
    }

    private void validate(Record record, String prefix) {
      if (record instanceof ValidatedConfig validated) {
        validated.validate(
            (key, message) -> {
              String path = prefix + "." + key;
              problems.add(new ConfigProblem(lookup(sources, path).full(), path, capped(message)));
            });
      }
    }

    private void clearUnder(String path) {
      sources.remove(path);
      // every key that starts with "path." ('/' follows '.') or "path[" ('\\' follows '[')
      sources.subMap(path + ".", true, path + "/", false).clear();
      sources.subMap(path + "[", true, path + "\\", false).clear();
    }

    private boolean isNull(Node node) {
      return node instanceof ScalarNode s
          && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN
          && NULLS.contains(s.getValue());
    }

    private String kind(Node node, boolean hideValue) {
      if (node instanceof SequenceNode) {
        return "a list";
      }
      if (node instanceof MappingNode) {
        return "a mapping";
      }
      if (node instanceof ScalarNode s && !hideValue) {
        return show(s.getValue());
      }
      return "a scalar value";
    }

    private Source at(Mark mark) {
      return coreLayer
          ? Source.core(sourceName)
          : Source.file(sourceName, mark.getLine() + 1, mark.getColumn() + 1);
    }

    private void problem(Node node, String path, String message) {
      problems.add(new ConfigProblem(at(node.getStartMark()).full(), path, message));
    }

    private void problem(Source source, String path, String message) {
      problems.add(new ConfigProblem(source.full(), path, message));
    }
  }

  /**
   * The integer text as int or long, or null when it is out of range. Texts far longer than a long
   * are out of range without parsing: BigInteger parses in quadratic time, and a million digits
   * would take minutes.
   */
  private static Object integer(String text, Class<?> type) {
    String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    int significant = digits.length();
    for (int i = 0; i < digits.length() - 1 && digits.charAt(i) == '0'; i++) {
      significant--;
    }
    if (significant > 40) {
      return null;
    }
    return integer(new BigInteger(text), type);
  }

  private static Object integer(BigInteger value, Class<?> type) {
    boolean isInt = type == int.class || type == Integer.class;
    BigInteger min = BigInteger.valueOf(isInt ? Integer.MIN_VALUE : Long.MIN_VALUE);
    BigInteger max = BigInteger.valueOf(isInt ? Integer.MAX_VALUE : Long.MAX_VALUE);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      return null;
    }
    return isInt ? (Object) value.intValue() : (Object) value.longValue();
  }

  private static String range(Class<?> type) {
    boolean isInt = type == int.class || type == Integer.class;
    return isInt
        ? "between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE
        : "between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE;
  }

  private static Double number(String text) {
    if (FLOAT.matcher(text).matches()) {
      return Double.parseDouble(text);
    }
    switch (text) {
      case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
        return Double.POSITIVE_INFINITY;
      case "-.inf", "-.Inf", "-.INF":
        return Double.NEGATIVE_INFINITY;
      case ".nan", ".NaN", ".NAN":
        return Double.NaN;
      default:
        return null;
    }
  }
}
