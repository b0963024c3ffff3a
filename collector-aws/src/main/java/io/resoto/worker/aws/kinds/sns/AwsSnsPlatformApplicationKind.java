package io.resoto.worker.aws.kinds.sns;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.kinds.ApiValues;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.PlatformApplication;

/**
 * {@code aws_sns_platform_application}: SNS mobile push applications (ListPlatformApplications).
 * id, name and ARN = the application ARN, as in the original. The listing already holds each
 * application's attributes, so the original's GetPlatformApplicationAttributes per application is
 * not called. The application points to the topics its endpoint events go to and to its
 * endpoints (made by {@code aws_sns_endpoint}).
 */
public final class AwsSnsPlatformApplicationKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_sns_platform_application";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("application", "misc")
      .successors(EdgeType.DEFAULT, AwsSnsTopicKind.KIND, "aws_sns_endpoint")
      .property("application_apple_certificate_expiry_date", "string", "When the APNs certificate expires.")
      .property("application_apple_platform_team_id", "string", "The Apple developer team id (APNs token authentication).")
      .property("application_apple_platform_bundle_id", "string", "The app's bundle id (APNs token authentication).")
      .property("application_event_endpoint_created", "string", "The topic told when an endpoint is added.")
      .property("application_event_endpoint_deleted", "string", "The topic told when an endpoint is deleted.")
      .property("application_event_endpoint_updated", "string", "The topic told when an endpoint's attributes change.")
      .property("application_event_endpoint_failure", "string", "The topic told when a delivery to an endpoint fails.")
      .build();

  /** Declares the kind. */
  public AwsSnsPlatformApplicationKind() {
    super(KIND, Scope.REGIONAL, "sns", MODEL);
  }

  @Override
  public List<String> apiCalls() {
    return List.of("sns:ListPlatformApplications");
  }

  @Override
  public void collect(KindContext ctx) {
    SnsClient sns = ctx.client(SnsClient.builder());
    for (PlatformApplication app : sns.listPlatformApplicationsPaginator(b -> b.build()).platformApplications()) {
      Node node = ctx.add(node(ctx, app));
      Map<String, String> a = app.attributes();
      Set<String> topics = new LinkedHashSet<>();
      for (String key : List.of("EventEndpointCreated", "EventEndpointDeleted", "EventEndpointUpdated",
          "EventDeliveryFailure")) {
        if (a.get(key) != null && !a.get(key).isEmpty()) {
          topics.add(a.get(key));
        }
      }
      topics.forEach(topic -> ctx.edge(node, AwsSnsTopicKind.KIND, topic, EdgeType.DEFAULT));
    }
  }

  /** Maps an application from the listing's attributes. */
  static Node node(KindContext ctx, PlatformApplication app) {
    String arn = app.platformApplicationArn();
    Map<String, String> a = app.attributes();
    Node.Builder b = ctx.node(KIND, arn).name(arn);
    ApiValues.put(b, "application_apple_certificate_expiry_date", a.get("AppleCertificateExpiryDate"));
    ApiValues.put(b, "application_apple_platform_team_id", a.get("ApplePlatformTeamID"));
    ApiValues.put(b, "application_apple_platform_bundle_id", a.get("ApplePlatformBundleID"));
    ApiValues.put(b, "application_event_endpoint_created", a.get("EventEndpointCreated"));
    ApiValues.put(b, "application_event_endpoint_deleted", a.get("EventEndpointDeleted"));
    ApiValues.put(b, "application_event_endpoint_updated", a.get("EventEndpointUpdated"));
    ApiValues.put(b, "application_event_endpoint_failure", a.get("EventDeliveryFailure"));
    return KindContext.arn(b, arn).build();
  }
}
