package io.resoto.worker.aws.kinds.apigateway;

import static io.resoto.worker.aws.kinds.SnakeCaseValues.OBJECT;
import static io.resoto.worker.aws.kinds.SnakeCaseValues.plain;
import static io.resoto.worker.aws.kinds.apigateway.RestApis.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.DomainName;

/**
 * {@code aws_apigateway_domain_name}: API Gateway custom domain names (GetDomainNames). id and name
 * are the domain name; the ARN is the API's {@code domainNameArn} (private domains) or
 * {@code arn:<partition>:apigateway:<region>::/domainnames/<name>}, the one its tag calls take (the
 * original's template puts the account in it, which names no resource). A domain points to the
 * Route 53 zone of its regional endpoint and to the VPC endpoints of a private domain, over default
 * and delete edges, as in the original's graph.
 */
public final class AwsApiGatewayDomainNameKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_apigateway_domain_name";

  private static final String ZONE = "aws_route53_zone";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("dns", "networking")
      .successors(EdgeType.DEFAULT, ZONE, RestApis.VPC_ENDPOINT)
      .successors(EdgeType.DELETE, ZONE, RestApis.VPC_ENDPOINT)
      .property("domain_certificate_name", "string", "The name of the certificate of an edge-optimized domain.")
      .property("domain_certificate_arn", "string", "The ACM certificate of an edge-optimized domain.")
      .property("domain_certificate_upload_date", "datetime", "When the edge-optimized domain's certificate was uploaded.")
      .property("domain_regional_domain_name", "string", "The domain name of the regional endpoint, the DNS alias target.")
      .property("domain_regional_hosted_zone_id", "string", "The Route 53 hosted zone id of the regional endpoint.")
      .property("domain_regional_certificate_name", "string", "The name of the certificate of a regional domain.")
      .property("domain_regional_certificate_arn", "string", "The ACM certificate of a regional domain.")
      .property("domain_distribution_domain_name", "string",
          "The CloudFront distribution's domain name of an edge-optimized domain, the DNS alias target.")
      .property("domain_distribution_hosted_zone_id", "string", "The Route 53 hosted zone id of the CloudFront distribution.")
      .property("domain_endpoint_configuration", OBJECT, "The endpoint types (EDGE, REGIONAL, PRIVATE) and VPC endpoints.")
      .property("domain_domain_name_status", "string", "The domain's status, e.g. AVAILABLE or UPDATING.")
      .property("domain_domain_name_status_message", "string", "Why the domain has its status.")
      .property("domain_security_policy", "string", "The TLS version and cipher suite policy, e.g. TLS_1_2.")
      .property("domain_mutual_tls_authentication", OBJECT,
          "The mutual TLS settings: truststore_uri, truststore_version, truststore_warnings.")
      .property("domain_ownership_verification_certificate_arn", "string",
          "The public certificate that proves ownership of a domain with an imported or private certificate.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsApiGatewayDomainNameKind() {
    this(RestApis.MAX_PAGE);
  }

  /** The kind listing in pages of this size (1..500; tests page small estates with it). */
  AwsApiGatewayDomainNameKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "apigateway", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("apigateway:GetDomainNames");
  }

  /** Tags through apigateway:TagResource and apigateway:UntagResource with the domain's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return RestApis.TAGS;
  }

  @Override
  public void collect(KindContext ctx) {
    ApiGatewayClient apigateway = ctx.client(ApiGatewayClient.builder());
    for (DomainName d : apigateway.getDomainNamesPaginator(b -> b.limit(pageSize)).items()) {
      Node node = ctx.add(node(ctx, d));
      for (EdgeType type : List.of(EdgeType.DEFAULT, EdgeType.DELETE)) {
        ctx.edge(node, ZONE, d.regionalHostedZoneId(), type);
        if (d.endpointConfiguration() != null) {
          d.endpointConfiguration().vpcEndpointIds().forEach(e -> ctx.edge(node, RestApis.VPC_ENDPOINT, e, type));
        }
      }
    }
  }

  /** Maps a domain: id and name = the domain name. */
  static Node node(KindContext ctx, DomainName d) {
    Node.Builder b = ctx.node(KIND, d.domainName()).name(d.domainName()).tags(d.tags());
    put(b, "domain_certificate_name", d.certificateName());
    put(b, "domain_certificate_arn", d.certificateArn());
    put(b, "domain_certificate_upload_date", d.certificateUploadDate());
    put(b, "domain_regional_domain_name", d.regionalDomainName());
    put(b, "domain_regional_hosted_zone_id", d.regionalHostedZoneId());
    put(b, "domain_regional_certificate_name", d.regionalCertificateName());
    put(b, "domain_regional_certificate_arn", d.regionalCertificateArn());
    put(b, "domain_distribution_domain_name", d.distributionDomainName());
    put(b, "domain_distribution_hosted_zone_id", d.distributionHostedZoneId());
    put(b, "domain_endpoint_configuration", plain(d.endpointConfiguration()));
    put(b, "domain_domain_name_status", d.domainNameStatusAsString());
    put(b, "domain_domain_name_status_message", d.domainNameStatusMessage());
    put(b, "domain_security_policy", d.securityPolicyAsString());
    put(b, "domain_mutual_tls_authentication", plain(d.mutualTlsAuthentication()));
    put(b, "domain_ownership_verification_certificate_arn", d.ownershipVerificationCertificateArn());
    String arn = d.domainNameArn() != null ? d.domainNameArn() : RestApis.arn(ctx, "/domainnames/" + d.domainName());
    return KindContext.arn(b, arn).build();
  }
}
