package io.resoto.worker.aws.kinds.config;

import static io.resoto.worker.aws.kinds.SnakeCaseValues.OBJECT;
import static io.resoto.worker.aws.kinds.SnakeCaseValues.plain;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;

/**
 * {@code aws_config_recorder}: AWS Config configuration recorders
 * (DescribeConfigurationRecorders and DescribeConfigurationRecorderStatus, one call each per
 * region: neither pages, a region holds one customer recorder plus service-linked ones). id and
 * name are the recorder name, mtime the status' last change. Recorders carry no tags.
 *
 * <p>Unlike the original, which reports the recorder's IAM role ARN as the node's ARN, the ARN is
 * the recorder's own (the API's {@code arn}, else {@code arn:<partition>:config:<region>:<account>:config-recorder/<name>});
 * the role is reported as {@code recorder_role_arn}.
 */
public final class AwsConfigRecorderKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_config_recorder";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("resource", "management")
      .property("recorder_group", OBJECT,
          "What is recorded: all_supported, include_global_resource_types, resource_types, exclusion_by_resource_types, "
              + "recording_strategy.")
      .property("recorder_status", OBJECT,
          "The recorder's status: recording, last_status, last start, stop and status change times, last error code "
              + "and message.")
      .property("recorder_role_arn", "string", "The IAM role the recorder reads resource configurations with.")
      .property("recorder_recording_mode", OBJECT, "How often configuration changes are recorded: continuous or daily, "
          + "with overrides per resource type.")
      .build();

  /** Declares the kind. */
  public AwsConfigRecorderKind() {
    super(KIND, Scope.REGIONAL, "config", MODEL);
  }

  @Override
  public List<String> apiCalls() {
    return List.of("config:DescribeConfigurationRecorders", "config:DescribeConfigurationRecorderStatus");
  }

  @Override
  public void collect(KindContext ctx) {
    ConfigClient config = ctx.client(ConfigClient.builder());
    List<ConfigurationRecorder> recorders = config.describeConfigurationRecorders(b -> { }).configurationRecorders();
    if (recorders.isEmpty()) {
      return;
    }
    Map<String, ConfigurationRecorderStatus> statuses = new HashMap<>();
    config.describeConfigurationRecorderStatus(b -> { }).configurationRecordersStatus()
        .forEach(s -> statuses.put(s.name(), s));
    for (ConfigurationRecorder r : recorders) {
      ctx.add(node(ctx, r, statuses.get(r.name())));
    }
  }

  /** Maps a recorder: id and name = the recorder name. */
  static Node node(KindContext ctx, ConfigurationRecorder r, ConfigurationRecorderStatus status) {
    Node.Builder b = ctx.node(KIND, r.name()).name(r.name());
    put(b, "recorder_group", plain(r.recordingGroup()));
    put(b, "recorder_recording_mode", plain(r.recordingMode()));
    put(b, "recorder_role_arn", r.roleARN());
    if (status != null) {
      b.mtime(status.lastStatusChangeTime());
      Map<String, Object> s = new HashMap<>();
      @SuppressWarnings("unchecked")
      Map<String, Object> all = (Map<String, Object>) plain(status);
      if (all != null) {
        s.putAll(all);
      }
      s.remove("name");
      s.remove("arn");
      put(b, "recorder_status", s.isEmpty() ? null : s);
    }
    String arn = r.arn() != null ? r.arn()
        : "arn:" + ctx.partition() + ":config:" + ctx.region() + ":" + ctx.account().id() + ":config-recorder/" + r.name();
    return KindContext.arn(b, arn).build();
  }

  private static void put(Node.Builder b, String name, Object value) {
    if (value != null) {
      b.property(name, value);
    }
  }
}
