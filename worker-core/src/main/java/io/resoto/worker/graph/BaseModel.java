package io.resoto.worker.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The base kinds of the original worker's {@code baseresources}: {@code resource} and the abstract
 * kinds collectors derive from (instance, volume, region, ...). Collectors list these as bases so
 * the core can search across clouds.
 */
final class BaseModel {

  /** Words shown in upper case in display names. */
  private static final Set<String> ACRONYMS = Set.of("dns", "ip", "iam", "acl", "api");

  private final List<ModelKind> kinds = new ArrayList<>();

  private BaseModel() {}

  static List<ModelKind> kinds() {
    BaseModel m = new BaseModel();
    m.define();
    return List.copyOf(m.kinds);
  }

  private void define() {
    complex("resource", List.of(), "resource", "misc", Map.of(),
        req("id", "string", "The identifier the cloud provider gave the resource."),
        opt("tags", "dictionary[string, string]", "Key/value tags attached to the resource."),
        opt("name", "string", "The display name of the resource."),
        opt("ctime", "datetime", "The time the resource was created."),
        opt("mtime", "datetime", "The time the resource was last modified."),
        opt("atime", "datetime", "The time the resource was last accessed."),
        req("kind", "string", "The kind of the resource."));

    complex("phantom_resource", List.of("resource"), "resource", "misc", Map.of());
    complex("graph_root", List.of("phantom_resource"), "graph_root", "misc",
        Map.of("default", List.of("cloud")));
    complex("base_cloud", List.of("phantom_resource"), "cloud", "management", Map.of());
    complex("cloud", List.of("base_cloud"), "cloud", "management",
        Map.of("default", List.of("account")));
    complex("region", List.of("phantom_resource"), "region", "management", Map.of(),
        opt("long_name", "string", "The human readable name of the region."),
        opt("latitude", "double", "The latitude of the region's location."),
        opt("longitude", "double", "The longitude of the region's location."),
        opt("region_in_use", "boolean", "Whether the region holds any resources."));
    complex("zone", List.of("phantom_resource"), "zone", "management", Map.of(),
        opt("long_name", "string", "The human readable name of the zone."));
    complex("quota", List.of("phantom_resource"), "quota", "management", Map.of(),
        opt("quota", "double", "The maximum amount the quota allows."),
        opt("usage", "double", "The amount of the quota currently used."),
        opt("quota_type", "string", "What the quota limits."));
    complex("type", List.of("quota"), "type", "misc", Map.of());
    complex("instance_type", List.of("type"), "type", "compute", Map.of(),
        opt("instance_type", "string", "The name of the instance type."),
        opt("instance_cores", "double", "The number of CPU cores of the instance type."),
        opt("instance_memory", "double", "The memory of the instance type in GiB."),
        opt("ondemand_cost", "double", "The on-demand price per hour."),
        opt("reservations", "int64", "The number of reserved instances of this type."));
    complex("volume_type", List.of("type"), "type", "storage", Map.of(),
        opt("volume_type", "string", "The name of the volume type."),
        opt("ondemand_cost", "double", "The on-demand price per GiB and month."));

    complex("account", List.of("resource"), "account", "management", Map.of());
    kinds.add(new SimpleKind("instance_status", "string",
        List.of("running", "stopped", "terminated", "busy", "unknown")));
    complex("instance", List.of("resource"), "instance", "compute", Map.of(),
        opt("instance_cores", "double", "The number of CPU cores of the instance."),
        opt("instance_memory", "double", "The memory of the instance in GiB."),
        opt("instance_type", "string", "The type (size) of the instance."),
        opt("instance_status", "instance_status", "The normalised state of the instance."));
    complex("volume", List.of("resource"), "volume", "storage", Map.of(),
        opt("volume_size", "int64", "The size of the volume in GiB."),
        opt("volume_type", "string", "The type of the volume."),
        opt("volume_status", "string", "The state of the volume."),
        opt("volume_iops", "int64", "The provisioned input/output operations per second."),
        opt("volume_throughput", "int64", "The provisioned throughput in MiB per second."),
        opt("volume_encrypted", "boolean", "Whether the volume is encrypted."),
        opt("snapshot_before_delete", "boolean",
            "Whether a snapshot is taken before the volume is deleted."));
    plain("snapshot", "snapshot", "storage");
    plain("network_share", "network_share", "storage");
    complex("bucket", List.of("resource"), "bucket", "storage", Map.of(),
        opt("encryption_enabled", "boolean", "Whether objects are encrypted at rest."),
        opt("versioning_enabled", "boolean", "Whether object versioning is enabled."));
    complex("queue", List.of("resource"), "queue", "misc", Map.of(),
        opt("queue_type", "string", "The type of the queue, e.g. standard or fifo."));
    plain("keypair", "key", "access_control");
    plain("serverless_function", "function", "compute");
    complex("network", List.of("resource"), "network", "networking", Map.of(),
        opt("cidr_blocks", "string[]", "The address ranges of the network."));
    plain("subnet", "subnet", "networking");
    plain("gateway", "gateway", "networking");
    plain("tunnel", "tunnel", "networking");
    plain("security_group", "security_group", "networking");
    plain("routing_table", "routing_table", "networking");
    plain("route", "routing_table", "networking");
    plain("network_acl", "access_control", "networking");
    plain("peering_connection", "connect", "networking");
    plain("endpoint", "endpoint", "networking");
    plain("network_interface", "network_interface", "networking");
    plain("ip_address", "network_address", "networking");
    plain("load_balancer", "load_balancer", "networking");
    plain("firewall", "firewall", "networking");
    plain("health_check", "health", "compute");
    plain("database", "database", "database");
    plain("iam_principal", "user", "access_control");
    plain("user", "user", "access_control");
    plain("group", "group", "access_control");
    plain("policy", "policy", "access_control");
    plain("role", "role", "access_control");
    plain("instance_profile", "profile", "access_control");
    plain("access_key", "key", "access_control");
    plain("certificate", "certificate", "access_control");
    plain("stack", "stack", "management");
    plain("autoscaling_group", "autoscaling_group", "compute");
    plain("dns_zone", "dns", "networking");
    plain("dns_record_set", "dns_record", "networking");
    plain("dns_record", "dns_record", "networking");
    plain("organizational_root", "organizational_root", "management");
    plain("organizational_unit", "organizational_unit", "management");
    plain("managed_kubernetes_cluster_provider", "cluster", "compute");
  }

  private void plain(String fqn, String icon, String group) {
    complex(fqn, List.of("resource"), icon, group, Map.of());
  }

  private void complex(
      String fqn,
      List<String> bases,
      String icon,
      String group,
      Map<String, List<String>> successors,
      Property... properties) {
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("icon", icon);
    metadata.put("group", group);
    metadata.put("name", displayName(fqn));
    metadata.put("source", "base");
    kinds.add(new ComplexKind(fqn, bases, List.of(properties), successors, true, metadata));
  }

  private static Property req(String name, String kind, String description) {
    return new Property(name, kind, true, description);
  }

  private static Property opt(String name, String kind, String description) {
    return new Property(name, kind, false, description);
  }

  /** {@code dns_record_set} becomes {@code DNS Record Set}. */
  static String displayName(String fqn) {
    StringBuilder sb = new StringBuilder();
    for (String word : fqn.split("_")) {
      if (word.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      if (ACRONYMS.contains(word)) {
        sb.append(word.toUpperCase(Locale.ROOT));
      } else {
        sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return sb.toString();
  }
}
