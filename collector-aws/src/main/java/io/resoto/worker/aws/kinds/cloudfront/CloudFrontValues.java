package io.resoto.worker.aws.kinds.cloudfront;

import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.TagSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.Tag;
import software.amazon.awssdk.services.cloudfront.model.TagKeys;
import software.amazon.awssdk.services.cloudfront.model.Tags;

/**
 * What the CloudFront kinds share: listing every page of the listings the SDK has no paginator
 * for, the tags of a resource (ListTagsForResource, which the original calls without declaring
 * it), the tag calls, and nested API structures as node values.
 *
 * <p>Nested structures become maps with the API's member names in snake_case, as the original
 * reports them; CloudFront's list wrappers ({@code {Quantity, Items}}) become plain lists, as the
 * original takes their {@code Items} (a wrapper with more members, such as
 * {@code ActiveTrustedSigners} with {@code Enabled}, stays a map).
 */
public final class CloudFrontValues {

  /** Kinds of other groups the CloudFront kinds link to; the model prunes them until they are registered. */
  static final String LAMBDA_FUNCTION = "aws_lambda_function";
  static final String WAF_WEB_ACL = "aws_waf_web_acl";
  static final String OBJECT = "dictionary[string, any]";
  static final String OBJECTS = "dictionary[string, any][]";

  private static final Set<String> WRAPPER = Set.of("Quantity", "Items");

  /** Tag changes of the taggable CloudFront kinds: TagResource and UntagResource with the resource's ARN. */
  static final TagSupport TAGS = TagSupport.of(
      List.of("cloudfront:TagResource"),
      (ctx, key, value) -> ctx.client(CloudFrontClient.builder()).tagResource(r -> r.resource(ctx.arn())
          .tags(Tags.builder().items(Tag.builder().key(key).value(value).build()).build())),
      List.of("cloudfront:UntagResource"),
      (ctx, key) -> ctx.client(CloudFrontClient.builder()).untagResource(r -> r.resource(ctx.arn())
          .tagKeys(TagKeys.builder().items(key).build())));

  private CloudFrontValues() {}

  /**
   * Calls a Marker/NextMarker listing until its last page: {@code call} gets the marker (null
   * first) and answers the page, {@code nextMarker} reads the next marker from it.
   */
  static <R> void forEachPage(Function<String, R> call, Function<R, String> nextMarker, Consumer<R> page) {
    String marker = null;
    do {
      R response = call.apply(marker);
      page.accept(response);
      marker = nextMarker.apply(response);
    } while (marker != null && !marker.isEmpty());
  }

  /** The resource's tags (ListTagsForResource with its ARN). */
  static Map<String, String> tags(CloudFrontClient cf, String arn) {
    Map<String, String> out = new LinkedHashMap<>();
    Tags tags = cf.listTagsForResource(r -> r.resource(arn)).tags();
    if (tags != null) {
      tags.items().forEach(t -> out.put(t.key(), t.value()));
    }
    return out;
  }

  /** The original's ARN template: arn:{partition}:cloudfront::{account}:{path} (CloudFront ARNs name no region). */
  static String arn(KindContext ctx, String path) {
    return "arn:" + ctx.partition() + ":cloudfront::" + ctx.account().id() + ":" + path;
  }

  /** The last part of an ARN's resource path ({@code .../function/rewrite-index} -> {@code rewrite-index}). */
  static String lastPart(String arn) {
    if (arn == null || arn.isEmpty()) {
      return null;
    }
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  /** A non-empty text, else null (CloudFront answers empty elements for unset ids). */
  static String text(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** An SDK structure (or list of them) as node values; empty ones are null. */
  static Object plain(Object value) {
    if (value instanceof SdkPojo pojo) {
      List<SdkField<?>> fields = pojo.sdkFields();
      if (fields.stream().allMatch(f -> WRAPPER.contains(f.memberName()))) {
        SdkField<?> items = fields.stream().filter(f -> f.memberName().equals("Items")).findFirst().orElse(null);
        return items == null ? null : plain(items.getValueOrDefault(pojo));
      }
      Map<String, Object> out = new LinkedHashMap<>();
      for (SdkField<?> field : fields) {
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

  /** "OriginSslProtocols" -> "origin_ssl_protocols", "HTTPSPort" -> "https_port". */
  static String snake(String member) {
    return io.resoto.worker.aws.kinds.SnakeCase.of(member);
  }

  static void put(io.resoto.worker.graph.Node.Builder b, String name, Object value) {
    if (value != null) {
      b.property(name, value);
    }
  }
}
