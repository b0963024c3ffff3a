package io.resoto.worker.spi;

import java.util.Map;
import java.util.Objects;

/**
 * The resource a tag task changes, as the core's node describes it: the node's {@code reported}
 * section and the ids of its {@code cloud}/{@code account}/{@code region}/{@code zone} ancestors.
 * What {@link CollectorPlugin#updateTag} and {@link CollectorPlugin#deleteTag} get; the node is
 * one the plugin collected earlier, so its kind and properties are the plugin's own.
 *
 * @param kind the node's kind ({@code reported.kind}), e.g. {@code aws_ec2_instance}
 * @param id the cloud's id of the resource ({@code reported.id}), e.g. {@code i-0abc}
 * @param name {@code reported.name}; null when the node has none
 * @param arn the cloud's unique name of the resource when the node reports one ({@code
 *     reported.arn}, an AWS ARN); null otherwise
 * @param accountId the id of the node's account ancestor; null when it has none
 * @param regionId the id of the node's region ancestor (for AWS global kinds the partition's
 *     global region, e.g. {@code us-east-1}); null when it has none
 * @param zoneId the id of the node's zone ancestor; null when it has none
 * @param tags the tags the core knows, before this task changes them; never null
 * @param properties the whole {@code reported} section as plain Java values (String, Long,
 *     Double, Boolean, List, Map), e.g. to find an id a tag call needs besides {@link #id};
 *     never null
 */
public record TagTarget(String kind, String id, String name, String arn, String accountId, String regionId,
    String zoneId, Map<String, String> tags, Map<String, Object> properties) {

  public TagTarget {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
    properties = properties == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(properties));
  }

  /** A property of {@code reported} as text; null when it is missing or null. */
  public String property(String name) {
    Object value = properties.get(name);
    return value == null ? null : value.toString();
  }

  /** "kind id", for messages. */
  public String describe() {
    return kind + " " + id;
  }
}
