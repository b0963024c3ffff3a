package io.resoto.worker.aws.kinds.servicequotas;

import static io.resoto.worker.aws.kinds.PlainValues.plain;
import static io.resoto.worker.aws.kinds.PlainValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.servicequotas.model.NoSuchResourceException;
import software.amazon.awssdk.services.servicequotas.model.ServiceQuota;
import software.amazon.awssdk.services.servicequotas.model.Tag;

/**
 * {@code aws_service_quota}: the service quotas that limit the resources this collector shows
 * (ListServiceQuotas for the service codes ec2, ebs, vpc and elasticloadbalancing in every region,
 * and iam once per account). As in the original only quotas with one of the known names become
 * nodes, and each points to what it limits:
 * <ul>
 *   <li>"Running On-Demand ... instances" (ec2): the instance types of the families it names, of
 *       the types the region's instances run on (ec2:DescribeInstances, as the instance type kind
 *       finds them);</li>
 *   <li>"Storage for ... (gp2) volumes, in TiB" and the other volume types (ebs): that volume type;</li>
 *   <li>"VPCs per Region" and "Internet gateways per Region" (vpc): every VPC of the region
 *       (ec2:DescribeVpcs, one call per region that has such a quota);</li>
 *   <li>"Application Load Balancers per Region" / "Classic Load Balancers per Region"
 *       (elasticloadbalancing): every ALB / classic ELB of the region;</li>
 *   <li>"Server certificates per account" (iam): every IAM server certificate of the account.</li>
 * </ul>
 * id is the quota code, name the quota name, the ARN the QuotaArn.
 *
 * <p>The original collects the IAM quotas in its global builder (us-east-1). Kinds here have one
 * scope, so this regional kind asks for them when it collects the partition's global region, and
 * they hang under that region. A service code the region does not know
 * ({@code NoSuchResourceException}) has no quotas there.
 */
public final class AwsServiceQuotaKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_service_quota";

  static final String INSTANCE_TYPE = "aws_ec2_instance_type";
  static final String VOLUME_TYPE = "aws_ec2_volume_type";
  static final String VPC = "aws_vpc";
  static final String SERVER_CERTIFICATE = "aws_iam_server_certificate";

  /** The regional service codes, in the order they are asked for. */
  static final List<String> REGIONAL_SERVICES = List.of("ec2", "ebs", "vpc", "elasticloadbalancing");

  private static final Set<String> LOAD_BALANCERS =
      Set.of("Application Load Balancers per Region", "Classic Load Balancers per Region");
  private static final Pattern ON_DEMAND = Pattern.compile("Running On-Demand (.+) instances");
  private static final Pattern STORAGE =
      Pattern.compile("Storage for .*\\((gp2|gp3|io1|io2|st1|sc1|standard)\\) volumes, in TiB");
  private static final Pattern FAMILY = Pattern.compile("^([a-z]+(?:-)?)");
  /** Families with quotas of their own; the Standard quota covers the other A, C, D, H, I, M, R, T, Z ones. */
  private static final Set<String> OWN_QUOTA =
      Set.of("f", "g", "vt", "inf", "p", "x", "dl", "trn", "hpc", "u-", "mac");

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("quota", KindModel.AWS_RESOURCE)
      .display("quota", "misc")
      .successors(EdgeType.DEFAULT, INSTANCE_TYPE, VOLUME_TYPE, VPC, SERVER_CERTIFICATE, "aws_alb", "aws_elb")
      .property("quota", "double", "The quota's value, in its unit.")
      .property("quota_unit", "string", "The unit of the quota's value (None for a count).")
      .property("quota_adjustable", "boolean", "Whether the quota can be raised by a request.")
      .property("quota_global", "boolean", "Whether the quota holds for all regions together.")
      .property("quota_usage_metric", "dictionary[string, any]",
          "The CloudWatch metric (namespace, name, dimensions, statistic) that measures the quota's use.")
      .property("quota_period", "dictionary[string, any]", "The time period a rate quota counts over.")
      .property("quota_error_reason", "dictionary[string, any]", "Why the quota's value could not be read, if so.")
      .property("quota_service_code", "string", "The service the quota belongs to (ec2, ebs, vpc, ...).")
      .property("quota_service_name", "string", "The name of the service the quota belongs to.")
      .property("quota_applied_at_level", "string", "Where the quota applies: ACCOUNT, RESOURCE or ALL.")
      .property("quota_description", "string", "What the quota limits, in words.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsServiceQuotaKind() {
    this(100);
  }

  /** The kind listing quotas in pages of this size (1..100; tests page small estates with it). */
  AwsServiceQuotaKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "servicequotas", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("servicequotas:ListServiceQuotas", "ec2:DescribeInstances", "ec2:DescribeVpcs");
  }

  /** Tags through servicequotas:TagResource and servicequotas:UntagResource with the quota's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(TagSupport.of(
        List.of("servicequotas:TagResource"),
        (ctx, key, value) -> ctx.client(ServiceQuotasClient.builder())
            .tagResource(r -> r.resourceARN(ctx.arn()).tags(Tag.builder().key(key).value(value).build())),
        List.of("servicequotas:UntagResource"),
        (ctx, key) -> ctx.client(ServiceQuotasClient.builder())
            .untagResource(r -> r.resourceARN(ctx.arn()).tagKeys(key))));
  }

  @Override
  public void collect(KindContext ctx) {
    ServiceQuotasClient sq = ctx.client(ServiceQuotasClient.builder());
    List<String> services = new ArrayList<>(REGIONAL_SERVICES);
    if (ctx.regionName().equals(io.resoto.worker.aws.engine.Partitions.globalRegion(ctx.partition()))) {
      services.add("iam");
    }
    Set<String> usedTypes = null;
    List<String> vpcs = null;
    for (String service : services) {
      List<ServiceQuota> quotas = new ArrayList<>();
      try {
        sq.listServiceQuotasPaginator(b -> b.serviceCode(service).maxResults(pageSize)).quotas().forEach(quotas::add);
      } catch (NoSuchResourceException e) {
        continue;
      }
      for (ServiceQuota q : quotas) {
        if (ctx.isCancelled()) {
          return;
        }
        Matcher onDemand = ON_DEMAND.matcher(q.quotaName() == null ? "" : q.quotaName());
        Matcher storage = STORAGE.matcher(q.quotaName() == null ? "" : q.quotaName());
        if ("ec2".equals(service) && onDemand.matches()) {
          if (usedTypes == null) {
            usedTypes = usedInstanceTypes(ctx);
          }
          Node node = ctx.add(node(ctx, q));
          for (String type : usedTypes) {
            if (covers(onDemand.group(1), type)) {
              ctx.edge(node, INSTANCE_TYPE, type, EdgeType.DEFAULT);
            }
          }
        } else if ("ebs".equals(service) && storage.matches()) {
          ctx.edge(ctx.add(node(ctx, q)), VOLUME_TYPE, storage.group(1), EdgeType.DEFAULT);
        } else if ("vpc".equals(service)
            && ("VPCs per Region".equals(q.quotaName()) || "Internet gateways per Region".equals(q.quotaName()))) {
          if (vpcs == null) {
            vpcs = vpcIds(ctx);
          }
          Node node = ctx.add(node(ctx, q));
          vpcs.forEach(vpc -> ctx.edge(node, VPC, vpc, EdgeType.DEFAULT));
        } else if ("elasticloadbalancing".equals(service) && LOAD_BALANCERS.contains(q.quotaName())) {
          ctx.edgesToAllInRegion(ctx.add(node(ctx, q)),
              q.quotaName().startsWith("Application") ? "aws_alb" : "aws_elb", EdgeType.DEFAULT);
        } else if ("iam".equals(service) && "Server certificates per account".equals(q.quotaName())) {
          ctx.edgesToAll(ctx.add(node(ctx, q)), SERVER_CERTIFICATE, EdgeType.DEFAULT);
        }
      }
    }
  }

  /** The VPC ids of the region (all pages of DescribeVpcs). */
  private static List<String> vpcIds(KindContext ctx) {
    List<String> ids = new ArrayList<>();
    ctx.client(Ec2Client.builder()).describeVpcsPaginator(b -> b.maxResults(1000)).vpcs()
        .forEach(v -> ids.add(v.vpcId()));
    return ids;
  }

  /** The instance types the region's instances run on (all pages of DescribeInstances). */
  private static Set<String> usedInstanceTypes(KindContext ctx) {
    Set<String> types = new LinkedHashSet<>();
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    for (Reservation r : ec2.describeInstancesPaginator(b -> b.maxResults(1000)).reservations()) {
      for (Instance i : r.instances()) {
        if (i.instanceTypeAsString() != null) {
          types.add(i.instanceTypeAsString());
        }
      }
    }
    return types;
  }

  /**
   * Whether the On-Demand quota whose name part is {@code families} ("Standard (A, C, D, H, I, M,
   * R, T, Z)", "G and VT", "P", "High Memory", ...) covers the instance type.
   */
  static boolean covers(String families, String instanceType) {
    Matcher m = FAMILY.matcher(instanceType.toLowerCase(Locale.ROOT));
    if (!m.find()) {
      return false;
    }
    String family = m.group(1);
    String f = families.toLowerCase(Locale.ROOT);
    if (f.startsWith("standard")) {
      int open = f.indexOf('(');
      Set<String> letters = new LinkedHashSet<>();
      for (String letter : f.substring(open + 1, f.indexOf(')', open)).split(",")) {
        letters.add(letter.trim());
      }
      return !OWN_QUOTA.contains(family) && letters.contains(family.substring(0, 1));
    }
    if (f.equals("high memory")) {
      return family.equals("u-");
    }
    for (String named : f.split(" and |,")) {
      if (named.trim().equals(family)) {
        return true;
      }
    }
    return false;
  }

  /** Maps a quota: id = QuotaCode, name = QuotaName, arn = QuotaArn. */
  static Node node(KindContext ctx, ServiceQuota q) {
    Node.Builder b = ctx.node(KIND, q.quotaCode()).name(q.quotaName());
    put(b, "quota", q.value());
    put(b, "quota_unit", q.unit());
    put(b, "quota_adjustable", q.adjustable());
    put(b, "quota_global", q.globalQuota());
    put(b, "quota_usage_metric", plain(q.usageMetric()));
    put(b, "quota_period", plain(q.period()));
    put(b, "quota_error_reason", plain(q.errorReason()));
    put(b, "quota_service_code", q.serviceCode());
    put(b, "quota_service_name", q.serviceName());
    put(b, "quota_applied_at_level", q.quotaAppliedAtLevelAsString());
    put(b, "quota_description", q.description());
    return KindContext.arn(b, q.quotaArn()).build();
  }
}
