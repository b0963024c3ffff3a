package io.resoto.worker.aws.kinds.cloudformation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Tag;

/**
 * Pure helpers the CloudFormation kinds share to turn API items into node values: tags and
 * parameters as maps, nested structures as maps with snake_case keys (as the original reports
 * them: {@code RollbackTriggers} becomes {@code rollback_triggers}).
 */
final class CloudFormationValues {

  /** The stack kind's name: the stack instance summaries point to stacks of it. */
  static final String STACK_KIND = "aws_cloudformation_stack";

  private CloudFormationValues() {}

  /** CloudFormation's {@code [{Key, Value}]} tag list as a map. */
  static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    if (tags != null) {
      tags.forEach(t -> out.put(t.key(), t.value()));
    }
    return out;
  }

  /** Parameters as key to value (a parameter without value: empty text), or null when there are none. */
  static Map<String, Object> parameters(List<Parameter> parameters) {
    if (parameters == null || parameters.isEmpty()) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    parameters.forEach(p -> out.put(p.parameterKey(), p.parameterValue() == null ? "" : p.parameterValue()));
    return out;
  }

  /** A list of strings, or null when the API gave none. */
  static List<String> strings(List<String> values) {
    return values == null || values.isEmpty() ? null : List.copyOf(values);
  }

  /** An SDK structure (or list of them) as nested maps with snake_case keys; empty ones are null. */
  static Object plain(Object value) {
    if (value instanceof SdkPojo pojo) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (SdkField<?> field : pojo.sdkFields()) {
        Object v = plain(field.getValueOrDefault(pojo));
        if (v != null) {
          out.put(snake(field.memberName()), v);
        }
      }
      return out.isEmpty() ? null : out;
    }
    if (value instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>();
      c.forEach(v -> {
        Object p = plain(v);
        if (p != null) {
          out.add(p);
        }
      });
      return out.isEmpty() ? null : out;
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof Instant
        || value == null) {
      return value;
    }
    return value.toString();
  }

  /** "LastCheckTimestamp" -> "last_check_timestamp". */
  static String snake(String member) {
    return io.resoto.worker.aws.kinds.SnakeCase.of(member);
  }

  /** The original's ARN template of a CloudFormation resource: arn:{partition}:cloudformation:{region}:{account}:{path}. */
  static String arn(io.resoto.worker.aws.engine.KindContext ctx, String path) {
    return "arn:" + ctx.partition() + ":cloudformation:" + ctx.regionName() + ":" + ctx.account().id() + ":" + path;
  }
}
