package io.resoto.worker.aws.kinds.cloudfront;

import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.OBJECTS;
import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.plain;
import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.RealtimeLogConfig;
import software.amazon.awssdk.services.cloudfront.model.RealtimeLogConfigs;

/**
 * {@code aws_cloudfront_realtime_log_config}: CloudFront real-time log configurations
 * (ListRealtimeLogConfigs, every page, then ListTagsForResource per configuration). id and name
 * are the configuration's name, the ARN the API's.
 */
public final class AwsCloudFrontRealtimeLogConfigKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_cloudfront_realtime_log_config";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("config", "networking")
      .property("realtime_log_sampling_rate", "int64", "The percentage (1..100) of requests that are logged.")
      .property("realtime_log_end_points", OBJECTS,
          "Where the logs go: the stream type (Kinesis) and the Kinesis stream and the IAM role CloudFront writes with.")
      .property("realtime_log_fields", "string[]", "The fields each log record holds, e.g. timestamp, c-ip, sc-status.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsCloudFrontRealtimeLogConfigKind() {
    this(100);
  }

  /** The kind listing in pages of this size (tests page small estates with it). */
  AwsCloudFrontRealtimeLogConfigKind(int pageSize) {
    super(KIND, Scope.GLOBAL, "cloudfront", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("cloudfront:ListRealtimeLogConfigs", "cloudfront:ListTagsForResource");
  }

  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(CloudFrontValues.TAGS);
  }

  @Override
  public void collect(KindContext ctx) {
    CloudFrontClient cf = ctx.client(CloudFrontClient.builder());
    CloudFrontValues.forEachPage(
        marker -> cf.listRealtimeLogConfigs(r -> r.marker(marker).maxItems(String.valueOf(pageSize)))
            .realtimeLogConfigs(),
        RealtimeLogConfigs::nextMarker,
        page -> page.items().forEach(c -> ctx.submit(() -> {
          Map<String, String> tags = c.arn() == null ? Map.of() : CloudFrontValues.tags(cf, c.arn());
          ctx.add(node(ctx, c, tags));
        })));
  }

  /** Maps a real-time log configuration. */
  static Node node(KindContext ctx, RealtimeLogConfig c, Map<String, String> tags) {
    Node.Builder b = ctx.node(KIND, c.name()).name(c.name()).tags(tags);
    put(b, "realtime_log_sampling_rate", c.samplingRate());
    put(b, "realtime_log_end_points", plain(c.endPoints()));
    put(b, "realtime_log_fields", c.fields() == null || c.fields().isEmpty() ? null : List.copyOf(c.fields()));
    String arn = c.arn() != null ? c.arn() : CloudFrontValues.arn(ctx, "realtime-log-config/" + c.name());
    return KindContext.arn(b, arn).build();
  }
}
