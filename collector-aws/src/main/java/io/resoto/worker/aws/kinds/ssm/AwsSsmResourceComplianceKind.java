package io.resoto.worker.aws.kinds.ssm;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.Assessment;
import io.resoto.worker.graph.ComplexKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ComplianceExecutionSummary;
import software.amazon.awssdk.services.ssm.model.ComplianceItem;
import software.amazon.awssdk.services.ssm.model.ComplianceQueryOperatorType;
import software.amazon.awssdk.services.ssm.model.ComplianceStatus;
import software.amazon.awssdk.services.ssm.model.ComplianceStringFilter;
import software.amazon.awssdk.services.ssm.model.ResourceComplianceSummaryItem;

/**
 * {@code aws_ssm_resource_compliance}: Systems Manager compliance (patch and association
 * compliance) of managed nodes, as assessments of provider {@code ssm} on the nodes it is about.
 * As in the original ({@code _model_export = False}) it adds no node and is not in the model:
 * ListResourceComplianceSummaries with the filter {@code Status EQUAL NON_COMPLIANT}, then for
 * each such resource ListComplianceItems (ResourceIds = the resource, ResourceTypes = its type,
 * filter {@code Status EQUAL NON_COMPLIANT}); every non-compliant item is a finding of the node:
 * title = the item's Title (its Id when it has none), severity = its Severity in the original's
 * words (CRITICAL critical, HIGH high, MEDIUM medium, LOW low, INFORMATIONAL and UNSPECIFIED
 * info), updated_at = the time of the execution that reported it, details = compliance type, item
 * id, status, execution id and type, and the item's own Details (Classification, PatchState, ...).
 *
 * <p>Resources of type {@code ManagedInstance} are the only ones Systems Manager reports on
 * managed nodes: an EC2 instance id ({@code i-...}) goes to that {@code aws_ec2_instance}, a
 * registered server ({@code mi-...}) to its {@code aws_ssm_instance}. Findings of other resource
 * types, and those whose node was not collected, are dropped (logged at debug).
 */
public final class AwsSsmResourceComplianceKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ssm_resource_compliance";

  /** The assessment provider the findings are exported under. */
  public static final String PROVIDER = "ssm";

  private static final Logger log = LoggerFactory.getLogger(AwsSsmResourceComplianceKind.class);

  private static final String MANAGED_INSTANCE = "ManagedInstance";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("resource", "management")
      .build();

  private static final ComplianceStringFilter NON_COMPLIANT = ComplianceStringFilter.builder().key("Status")
      .values(ComplianceStatus.NON_COMPLIANT.toString()).type(ComplianceQueryOperatorType.EQUAL).build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsSsmResourceComplianceKind() {
    this(50);
  }

  /** The kind listing in pages of this size (1..50; tests page small estates with it). */
  AwsSsmResourceComplianceKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "ssm", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ssm:ListResourceComplianceSummaries", "ssm:ListComplianceItems");
  }

  @Override
  public boolean exportsNodes() {
    return false;
  }

  @Override
  public void collect(KindContext ctx) {
    SsmClient ssm = ctx.client(SsmClient.builder());
    for (ResourceComplianceSummaryItem s : ssm.listResourceComplianceSummariesPaginator(b -> b
        .filters(NON_COMPLIANT).maxResults(pageSize)).resourceComplianceSummaryItems()) {
      if (ctx.isCancelled()) {
        return;
      }
      String targetKind = targetKind(s.resourceType(), s.resourceId());
      if (targetKind == null) {
        log.debug("ssm compliance of {} {} left out: not a managed node", s.resourceType(), s.resourceId());
        continue;
      }
      ctx.submit(() -> {
        for (ComplianceItem item : ssm.listComplianceItemsPaginator(b -> b.resourceIds(s.resourceId())
            .resourceTypes(s.resourceType()).filters(NON_COMPLIANT).maxResults(pageSize)).complianceItems()) {
          if (item.status() == ComplianceStatus.NON_COMPLIANT) {
            ctx.finding(targetKind, s.resourceId(), PROVIDER, finding(item));
          }
        }
      });
    }
  }

  /** The kind of the node a compliance resource is, or null when it is none we collect. */
  static String targetKind(String resourceType, String resourceId) {
    if (!MANAGED_INSTANCE.equals(resourceType) || resourceId == null) {
      return null;
    }
    if (resourceId.startsWith("i-")) {
      return "aws_ec2_instance";
    }
    return resourceId.startsWith("mi-") ? AwsSsmInstanceKind.KIND : null;
  }

  static Assessment.Finding finding(ComplianceItem item) {
    String title = item.title() == null || item.title().isBlank() ? item.id() : item.title();
    ComplianceExecutionSummary execution = item.executionSummary();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("compliance_type", item.complianceType());
    details.put("id", item.id());
    details.put("status", item.statusAsString());
    if (execution != null) {
      details.put("execution_id", execution.executionId());
      details.put("execution_type", execution.executionType());
    }
    if (item.hasDetails()) {
      details.putAll(item.details());
    }
    return new Assessment.Finding(title == null ? item.complianceType() : title, severity(item.severityAsString()),
        null, null, execution == null ? null : execution.executionTime(), details);
  }

  /** SSM's severity in the original's words; unknown and unspecified are info. */
  static String severity(String ssm) {
    return switch (ssm == null ? "" : ssm.toUpperCase(Locale.ROOT)) {
      case "CRITICAL" -> "critical";
      case "HIGH" -> "high";
      case "MEDIUM" -> "medium";
      case "LOW" -> "low";
      default -> "info";
    };
  }
}
