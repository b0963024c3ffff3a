package io.resoto.worker.aws.kinds.sns;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.kinds.ApiValues;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Endpoint;
import software.amazon.awssdk.services.sns.model.PlatformApplication;

/**
 * {@code aws_sns_endpoint}: the devices of every SNS mobile push application
 * (ListPlatformApplications, then ListEndpointsByPlatformApplication per application). id, name
 * and ARN = the endpoint ARN, as in the original. Its application points to it.
 */
public final class AwsSnsEndpointKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_sns_endpoint";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("endpoint", "misc")
      .property("endpoint_enabled", "boolean",
          "Whether SNS delivers to the endpoint (it turns false when the push service rejects the token).")
      .property("endpoint_token", "string", "The device token or registration id the push service knows the device by.")
      .build();

  /** Declares the kind. */
  public AwsSnsEndpointKind() {
    super(KIND, Scope.REGIONAL, "sns", MODEL);
  }

  @Override
  public List<String> apiCalls() {
    return List.of("sns:ListPlatformApplications", "sns:ListEndpointsByPlatformApplication");
  }

  @Override
  public void collect(KindContext ctx) {
    SnsClient sns = ctx.client(SnsClient.builder());
    for (PlatformApplication app : sns.listPlatformApplicationsPaginator(b -> b.build()).platformApplications()) {
      String appArn = app.platformApplicationArn();
      ctx.submit(() -> {
        for (Endpoint e : sns.listEndpointsByPlatformApplicationPaginator(b -> b.platformApplicationArn(appArn))
            .endpoints()) {
          Node node = ctx.add(node(ctx, e));
          ctx.edgeFrom(AwsSnsPlatformApplicationKind.KIND, appArn, node, EdgeType.DEFAULT);
        }
      });
    }
  }

  /** Maps an endpoint from its attributes. */
  static Node node(KindContext ctx, Endpoint e) {
    Node.Builder b = ctx.node(KIND, e.endpointArn()).name(e.endpointArn());
    ApiValues.put(b, "endpoint_enabled", ApiValues.bool(e.attributes().get("Enabled")));
    ApiValues.put(b, "endpoint_token", e.attributes().get("Token"));
    return KindContext.arn(b, e.endpointArn()).build();
  }
}
