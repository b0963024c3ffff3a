package io.resoto.worker.aws.kinds.backup;

import io.resoto.worker.aws.engine.TagSupport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.ListTagsResponse;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;

/**
 * What the AWS Backup kinds share: the tags of a resource (ListTags, every page), the tag calls
 * (TagResource/UntagResource with the resource's ARN), and nested API structures as plain maps
 * with the snake_case keys the original reports.
 */
final class BackupValues {

  /** The read call of the kinds whose tags come from ListTags. */
  static final String LIST_TAGS = "backup:ListTags";

  /** Tags through backup:TagResource and backup:UntagResource with the node's ARN. */
  static final TagSupport TAGS = TagSupport.of(
      List.of("backup:TagResource"),
      (ctx, key, value) -> ctx.client(BackupClient.builder())
          .tagResource(r -> r.resourceArn(ctx.arn()).tags(Map.of(key, value))),
      List.of("backup:UntagResource"),
      (ctx, key) -> ctx.client(BackupClient.builder())
          .untagResource(r -> r.resourceArn(ctx.arn()).tagKeyList(key)));

  private BackupValues() {}

  /**
   * The resource's tags, every page of ListTags. A resource deleted since it was listed has none
   * (ResourceNotFoundException, which the original expects too).
   */
  static Map<String, String> tags(BackupClient backup, String arn) {
    Map<String, String> tags = new LinkedHashMap<>();
    if (arn == null) {
      return tags;
    }
    try {
      for (ListTagsResponse page : backup.listTagsPaginator(r -> r.resourceArn(arn))) {
        tags.putAll(page.tags());
      }
    } catch (ResourceNotFoundException e) {
      return new LinkedHashMap<>();
    }
    return tags;
  }

  /** The value of the {@code Name} tag, else the fallback (the original names jobs and holds so). */
  static String nameTag(Map<String, String> tags, String fallback) {
    String name = tags == null ? null : tags.get("Name");
    return name == null || name.isEmpty() ? fallback : name;
  }

  /**
   * The original's id of a resource named by ARN: the part after the last {@code /}, else after
   * the last {@code :}.
   */
  static String idFromArn(String arn) {
    if (arn == null) {
      return null;
    }
    int slash = arn.lastIndexOf('/');
    return slash >= 0 ? arn.substring(slash + 1) : arn.substring(arn.lastIndexOf(':') + 1);
  }

  /**
   * An API structure (or list or map of them) as nested maps and lists of plain values with
   * snake_case keys; unset members are left out, and an empty result is null.
   */
  static Object plain(Object value) {
    Object out = plainValue(value);
    if (out instanceof Map<?, ?> m && m.isEmpty() || out instanceof List<?> l && l.isEmpty()) {
      return null;
    }
    return out;
  }

  private static Object plainValue(Object value) {
    if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
      return null;
    }
    if (value instanceof SdkPojo pojo) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (SdkField<?> field : pojo.sdkFields()) {
        Object v = plainValue(field.getValueOrDefault(pojo));
        if (v != null) {
          out.put(snake(field.memberName()), v);
        }
      }
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        Object v = plainValue(item);
        if (v != null) {
          out.add(v);
        }
      }
      return out;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), plainValue(v)));
      return out;
    }
    return value;
  }

  /** A list of strings as a property: an unset or empty list is null. */
  static List<String> strings(List<String> values) {
    return values == null || values.isEmpty() ? null : List.copyOf(values);
  }

  /** A map of strings as a property: an unset or empty map is null. */
  static Map<String, String> map(Map<String, String> values) {
    return values == null || values.isEmpty() ? null : Map.copyOf(values);
  }

  /** "BackupPlanArn" -> "backup_plan_arn". */
  static String snake(String memberName) {
    return io.resoto.worker.aws.kinds.SnakeCase.of(memberName);
  }
}
