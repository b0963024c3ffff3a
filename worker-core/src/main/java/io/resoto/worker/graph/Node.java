package io.resoto.worker.graph;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One resource in the graph. Immutable; its {@link #id()} is fixed when it is built, because the id
 * is derived from the kind, the ancestors and the resource id, exactly as in the Python worker.
 *
 * <p>Ancestors (cloud, account, region, zone) feed into the id. Nodes that are themselves a cloud,
 * account, region or zone name themselves as that ancestor, as the Python classes do: a cloud node
 * {@code demo} sets {@code cloud("demo")}, an account sets its own id as {@code account}, and so on.
 *
 * <p>{@link #usage()} holds metrics measured over the last collect interval (CloudWatch and the
 * like), exported as the node's {@code usage} section. Collectors usually learn them only after the
 * node is built (metrics are fetched in one batch after listing), so {@link #toBuilder()} gives a
 * copy to add them to; the id does not change, since usage is not part of the id tuple.
 *
 * <p>{@link #assessments()} (what security and compliance providers found about the resource,
 * exported as {@code metadata.assessments}) are likewise added to a copy and not part of the id.
 */
public final class Node {

  private final String id;
  private final String kind;
  private final String resourceId;
  private final String name;
  private final Map<String, String> tags;
  private final Instant ctime;
  private final Instant mtime;
  private final Instant atime;
  private final Map<String, Object> properties;
  private final String cloud;
  private final String account;
  private final String region;
  private final String zone;
  private final List<String> idKeyExtra;
  private final List<String> categories;
  private final String typeName;
  private final Map<String, Map<String, Double>> usage;
  private final List<Assessment> assessments;

  private Node(Builder b) {
    this.kind = b.kind;
    this.resourceId = b.resourceId;
    this.name = b.name != null ? b.name : b.resourceId;
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
    this.ctime = b.ctime;
    this.mtime = b.mtime;
    this.atime = b.atime;
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
    this.cloud = b.cloud;
    this.account = b.account;
    this.region = b.region;
    this.zone = b.zone;
    this.idKeyExtra = List.copyOf(b.idKeyExtra);
    this.categories = List.copyOf(b.categories);
    this.typeName = b.typeName;
    Map<String, Map<String, Double>> u = new LinkedHashMap<>();
    b.usage.forEach((metric, stats) -> u.put(metric, Collections.unmodifiableMap(new LinkedHashMap<>(stats))));
    this.usage = Collections.unmodifiableMap(u);
    this.assessments = List.copyOf(b.assessments);
    this.id = NodeId.compute(keyParts());
  }

  /** Starts a node of the given kind (e.g. {@code example_instance}) with the cloud's resource id. */
  public static Builder builder(String kind, String id) {
    return new Builder(kind, id);
  }

  /** The key tuple the id is the checksum of: kind, four ancestors, resource id, extras. */
  public List<String> keyParts() {
    List<String> parts = new ArrayList<>(6 + idKeyExtra.size());
    parts.add(kind);
    parts.add(orUndefined(cloud));
    parts.add(orUndefined(account));
    parts.add(orUndefined(region));
    parts.add(orUndefined(zone));
    parts.add(resourceId);
    parts.addAll(idKeyExtra);
    return parts;
  }

  private static String orUndefined(String s) {
    return s != null ? s : NodeId.UNDEFINED;
  }

  /** The 22-character node id (checksum of {@link #keyParts()}). */
  public String id() {
    return id;
  }

  /** The kind, e.g. {@code aws_ec2_instance}. */
  public String kind() {
    return kind;
  }

  /** The id the cloud gave the resource. */
  public String resourceId() {
    return resourceId;
  }

  /** The display name; the resource id unless set. */
  public String name() {
    return name;
  }

  /** The tags, unmodifiable; values may be null (they are dropped on export). */
  public Map<String, String> tags() {
    return tags;
  }

  /** Creation time or null. */
  public Instant ctime() {
    return ctime;
  }

  /** Last modification time or null. */
  public Instant mtime() {
    return mtime;
  }

  /** Last access time or null. */
  public Instant atime() {
    return atime;
  }

  /** Kind-specific properties, unmodifiable, in insertion order; values may be null. */
  public Map<String, Object> properties() {
    return properties;
  }

  /** Id of the cloud this node belongs to, or null. */
  public String cloud() {
    return cloud;
  }

  /** Id of the account this node belongs to, or null. */
  public String account() {
    return account;
  }

  /** Id of the region this node belongs to, or null. */
  public String region() {
    return region;
  }

  /** Id of the zone this node belongs to, or null. */
  public String zone() {
    return zone;
  }

  /** Extra components appended to the id tuple. */
  public List<String> idKeyExtra() {
    return idKeyExtra;
  }

  /** Metadata categories, e.g. {@code compute}. */
  public List<String> categories() {
    return categories;
  }

  /** Opaque class identifier exported as {@code metadata.python_type}, or null. */
  public String typeName() {
    return typeName;
  }

  /**
   * Usage metrics, unmodifiable: metric name with its unit (e.g. {@code cpu_utilization_percent})
   * to statistic ({@code min}, {@code avg}, {@code max}) to value; empty when none were measured.
   */
  public Map<String, Map<String, Double>> usage() {
    return usage;
  }

  /** Assessments by security and compliance providers, unmodifiable; empty when there are none. */
  public List<Assessment> assessments() {
    return assessments;
  }

  /**
   * A builder holding everything of this node, to build a changed copy (e.g. with usage or times
   * learned after listing). Changing a part of the id tuple (kind, id, ancestors, id extras) gives
   * another node id.
   */
  public Builder toBuilder() {
    Builder b = new Builder(kind, resourceId);
    b.name = name;
    b.tags.putAll(tags);
    b.ctime = ctime;
    b.mtime = mtime;
    b.atime = atime;
    b.properties.putAll(properties);
    b.cloud = cloud;
    b.account = account;
    b.region = region;
    b.zone = zone;
    b.idKeyExtra.addAll(idKeyExtra);
    b.categories.addAll(categories);
    b.typeName = typeName;
    usage.forEach((metric, stats) -> b.usage.put(metric, new LinkedHashMap<>(stats)));
    b.assessments.addAll(assessments);
    return b;
  }

  @Override
  public String toString() {
    return kind + ":" + resourceId + " (" + id + ")";
  }

  /** Collects the attributes of a {@link Node}; not thread-safe. */
  public static final class Builder {
    private final String kind;
    private final String resourceId;
    private String name;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private Instant ctime;
    private Instant mtime;
    private Instant atime;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private String cloud;
    private String account;
    private String region;
    private String zone;
    private final List<String> idKeyExtra = new ArrayList<>();
    private final List<String> categories = new ArrayList<>();
    private String typeName;
    private final Map<String, Map<String, Double>> usage = new LinkedHashMap<>();
    private final List<Assessment> assessments = new ArrayList<>();

    private Builder(String kind, String resourceId) {
      this.kind = requireText(kind, "kind");
      this.resourceId = Objects.requireNonNull(resourceId, "id");
    }

    private static String requireText(String s, String what) {
      if (s == null || s.isEmpty()) {
        throw new IllegalArgumentException(what + " must not be empty");
      }
      return s;
    }

    /** Display name; defaults to the id. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Adds one tag; a null value is kept here but dropped on export. */
    public Builder tag(String key, String value) {
      tags.put(Objects.requireNonNull(key, "tag key"), value);
      return this;
    }

    /** Adds all tags of the map. */
    public Builder tags(Map<String, String> tags) {
      if (tags != null) {
        tags.forEach(this::tag);
      }
      return this;
    }

    /** Creation time. */
    public Builder ctime(Instant ctime) {
      this.ctime = ctime;
      return this;
    }

    /** Last modification time. */
    public Builder mtime(Instant mtime) {
      this.mtime = mtime;
      return this;
    }

    /** Last access time. */
    public Builder atime(Instant atime) {
      this.atime = atime;
      return this;
    }

    /**
     * Sets a kind-specific property. Values: String, Number, Boolean, Instant, Duration, Enum,
     * List, Map (nested) or null (ignored on export).
     */
    public Builder property(String name, Object value) {
      properties.put(Objects.requireNonNull(name, "property name"), value);
      return this;
    }

    /** The cloud id this node belongs to. */
    public Builder cloud(String cloudId) {
      this.cloud = cloudId;
      return this;
    }

    /** The account id this node belongs to. */
    public Builder account(String accountId) {
      this.account = accountId;
      return this;
    }

    /** The region id this node belongs to. */
    public Builder region(String regionId) {
      this.region = regionId;
      return this;
    }

    /** The zone id this node belongs to. */
    public Builder zone(String zoneId) {
      this.zone = zoneId;
      return this;
    }

    /** Components appended to the id tuple (regions append their name, AWS resources their ARN). */
    public Builder idKeyExtra(String... extra) {
      for (String e : extra) {
        idKeyExtra.add(Objects.requireNonNull(e, "id key extra"));
      }
      return this;
    }

    /** Adds metadata categories. */
    public Builder categories(String... categories) {
      this.categories.addAll(Arrays.asList(categories));
      return this;
    }

    /** The opaque class identifier exported as {@code metadata.python_type}. */
    public Builder typeName(String typeName) {
      this.typeName = typeName;
      return this;
    }

    /**
     * Sets one usage value, e.g. {@code usage("cpu_utilization_percent", "max", 80.0)}; a later
     * value for the same metric and statistic replaces the earlier one.
     *
     * @param metric the metric name with its unit appended, as the original names them
     * @param stat {@code min}, {@code avg} or {@code max}
     * @throws IllegalArgumentException for NaN or an infinite value (JSON has neither)
     */
    public Builder usage(String metric, String stat, double value) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("usage " + metric + "." + stat + " must be finite, got " + value);
      }
      usage.computeIfAbsent(requireText(metric, "usage metric"), k -> new LinkedHashMap<>())
          .put(requireText(stat, "usage statistic"), value);
      return this;
    }

    /** Sets every value of the map (metric to statistic to value), as {@link #usage(String, String, double)}. */
    public Builder usage(Map<String, ? extends Map<String, Double>> values) {
      if (values != null) {
        values.forEach((metric, stats) -> stats.forEach((stat, v) -> usage(metric, stat, v)));
      }
      return this;
    }

    /** Adds an assessment (exported in order under {@code metadata.assessments}). */
    public Builder assessment(Assessment assessment) {
      assessments.add(Objects.requireNonNull(assessment, "assessment"));
      return this;
    }

    /** Builds the node, computing its id now. */
    public Node build() {
      return new Node(this);
    }
  }
}
