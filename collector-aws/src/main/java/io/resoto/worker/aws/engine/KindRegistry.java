package io.resoto.worker.aws.engine;

import io.resoto.worker.aws.kinds.base.AwsAccountKind;
import io.resoto.worker.aws.kinds.base.AwsRegionKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2HostKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2ImageKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2InstanceKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2InstanceTypeKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2KeypairKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2LaunchTemplateKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2ReservedInstancesKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2SnapshotKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2VolumeKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2VolumeTypeKind;
import io.resoto.worker.aws.kinds.organizations.AwsOrganizationalRootKind;
import io.resoto.worker.aws.kinds.organizations.AwsOrganizationalUnitKind;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.Model;
import io.resoto.worker.graph.ModelKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every AWS kind, one line each, alphabetised by kind name. A new kind is one class and one line
 * here (a test keeps the list sorted and each kind documented and tested).
 */
public final class KindRegistry {

  private static final List<AwsKind> KINDS = List.of(
      new AwsAccountKind(),
      new io.resoto.worker.aws.kinds.acm.AwsAcmCertificateKind(),
      new io.resoto.worker.aws.kinds.elbv2.AwsAlbKind(),
      new io.resoto.worker.aws.kinds.elbv2.AwsAlbTargetGroupKind(),
      new io.resoto.worker.aws.kinds.apigateway.AwsApiGatewayAuthorizerKind(),
      new io.resoto.worker.aws.kinds.apigateway.AwsApiGatewayDeploymentKind(),
      new io.resoto.worker.aws.kinds.apigateway.AwsApiGatewayDomainNameKind(),
      new io.resoto.worker.aws.kinds.apigateway.AwsApiGatewayResourceKind(),
      new io.resoto.worker.aws.kinds.apigateway.AwsApiGatewayRestApiKind(),
      new io.resoto.worker.aws.kinds.apigateway.AwsApiGatewayStageKind(),
      new io.resoto.worker.aws.kinds.athena.AwsAthenaDataCatalogKind(),
      new io.resoto.worker.aws.kinds.athena.AwsAthenaWorkGroupKind(),
      new io.resoto.worker.aws.kinds.autoscaling.AwsAutoScalingGroupKind(),
      new io.resoto.worker.aws.kinds.backup.AwsBackupCopyJobKind(),
      new io.resoto.worker.aws.kinds.backup.AwsBackupFrameworkKind(),
      new io.resoto.worker.aws.kinds.backup.AwsBackupJobKind(),
      new io.resoto.worker.aws.kinds.backup.AwsBackupLegalHoldKind(),
      new io.resoto.worker.aws.kinds.backup.AwsBackupPlanKind(),
      new io.resoto.worker.aws.kinds.backup.AwsBackupProtectedResourceKind(),
      new io.resoto.worker.aws.kinds.backup.AwsBackupRecoveryPointKind(),
      new io.resoto.worker.aws.kinds.backup.AwsBackupReportPlanKind(),
      new io.resoto.worker.aws.kinds.backup.AwsBackupRestoreJobKind(),
      new io.resoto.worker.aws.kinds.backup.AwsBackupRestoreTestingPlanKind(),
      new io.resoto.worker.aws.kinds.backup.AwsBackupVaultKind(),
      new io.resoto.worker.aws.kinds.elasticbeanstalk.AwsBeanstalkApplicationKind(),
      new io.resoto.worker.aws.kinds.elasticbeanstalk.AwsBeanstalkEnvironmentKind(),
      new io.resoto.worker.aws.kinds.cloudformation.AwsCloudFormationStackInstanceSummaryKind(),
      new io.resoto.worker.aws.kinds.cloudtrail.AwsCloudTrailKind(),
      new io.resoto.worker.aws.kinds.cloudformation.AwsCloudFormationStackKind(),
      new io.resoto.worker.aws.kinds.cloudformation.AwsCloudFormationStackSetKind(),
      new io.resoto.worker.aws.kinds.cloudfront.AwsCloudFrontCachePolicyKind(),
      new io.resoto.worker.aws.kinds.cloudfront.AwsCloudFrontDistributionKind(),
      new io.resoto.worker.aws.kinds.cloudfront.AwsCloudFrontFieldLevelEncryptionConfigKind(),
      new io.resoto.worker.aws.kinds.cloudfront.AwsCloudFrontFieldLevelEncryptionProfileKind(),
      new io.resoto.worker.aws.kinds.cloudfront.AwsCloudFrontFunctionKind(),
      new io.resoto.worker.aws.kinds.cloudfront.AwsCloudFrontOriginAccessControlKind(),
      new io.resoto.worker.aws.kinds.cloudfront.AwsCloudFrontPublicKeyKind(),
      new io.resoto.worker.aws.kinds.cloudfront.AwsCloudFrontRealtimeLogConfigKind(),
      new io.resoto.worker.aws.kinds.cloudfront.AwsCloudFrontResponseHeadersPolicyKind(),
      new io.resoto.worker.aws.kinds.cloudfront.AwsCloudFrontStreamingDistributionKind(),
      new io.resoto.worker.aws.kinds.cloudwatch.AwsCloudwatchAlarmKind(),
      new io.resoto.worker.aws.kinds.cloudwatch.AwsCloudwatchLogGroupKind(),
      new io.resoto.worker.aws.kinds.cloudwatch.AwsCloudwatchMetricFilterKind(),
      new io.resoto.worker.aws.kinds.cognito.AwsCognitoGroupKind(),
      new io.resoto.worker.aws.kinds.cognito.AwsCognitoUserKind(),
      new io.resoto.worker.aws.kinds.cognito.AwsCognitoUserPoolKind(),
      new io.resoto.worker.aws.kinds.config.AwsConfigRecorderKind(),
      new io.resoto.worker.aws.kinds.dynamodb.AwsDynamoDbGlobalTableKind(),
      new io.resoto.worker.aws.kinds.dynamodb.AwsDynamoDbTableKind(),
      new io.resoto.worker.aws.kinds.ec2.AwsEc2ElasticIpKind(),
      new io.resoto.worker.aws.kinds.ec2.AwsEc2FlowLogKind(),
      new AwsEc2HostKind(),
      new AwsEc2ImageKind(),
      new AwsEc2InstanceKind(),
      new AwsEc2InstanceTypeKind(),
      new io.resoto.worker.aws.kinds.ec2.AwsEc2InternetGatewayKind(),
      new AwsEc2KeypairKind(),
      new AwsEc2LaunchTemplateKind(),
      new io.resoto.worker.aws.kinds.ec2.AwsEc2NatGatewayKind(),
      new io.resoto.worker.aws.kinds.ec2.AwsEc2NetworkAclKind(),
      new io.resoto.worker.aws.kinds.ec2.AwsEc2NetworkInterfaceKind(),
      new AwsEc2ReservedInstancesKind(),
      new io.resoto.worker.aws.kinds.ec2.AwsEc2RouteTableKind(),
      new io.resoto.worker.aws.kinds.ec2.AwsEc2SecurityGroupKind(),
      new AwsEc2SnapshotKind(),
      new io.resoto.worker.aws.kinds.ec2.AwsEc2SubnetKind(),
      new AwsEc2VolumeKind(),
      new AwsEc2VolumeTypeKind(),
      new io.resoto.worker.aws.kinds.ecr.AwsEcrRepositoryKind(),
      new io.resoto.worker.aws.kinds.ecs.AwsEcsCapacityProviderKind(),
      new io.resoto.worker.aws.kinds.ecs.AwsEcsClusterKind(),
      new io.resoto.worker.aws.kinds.ecs.AwsEcsContainerInstanceKind(),
      new io.resoto.worker.aws.kinds.ecs.AwsEcsServiceKind(),
      new io.resoto.worker.aws.kinds.ecs.AwsEcsTaskKind(),
      new io.resoto.worker.aws.kinds.ecs.AwsEcsTaskDefinitionKind(),
      new io.resoto.worker.aws.kinds.efs.AwsEfsAccessPointKind(),
      new io.resoto.worker.aws.kinds.efs.AwsEfsFileSystemKind(),
      new io.resoto.worker.aws.kinds.efs.AwsEfsMountTargetKind(),
      new io.resoto.worker.aws.kinds.eks.AwsEksClusterKind(),
      new io.resoto.worker.aws.kinds.eks.AwsEksNodegroupKind(),
      new io.resoto.worker.aws.kinds.elasticache.AwsElastiCacheCacheClusterKind(),
      new io.resoto.worker.aws.kinds.elasticache.AwsElastiCacheReplicationGroupKind(),
      new io.resoto.worker.aws.kinds.elb.AwsElbKind(),
      new io.resoto.worker.aws.kinds.glacier.AwsGlacierJobKind(),
      new io.resoto.worker.aws.kinds.glacier.AwsGlacierVaultKind(),
      new io.resoto.worker.aws.kinds.iam.AwsIamAccessKeyKind(),
      new io.resoto.worker.aws.kinds.iam.AwsIamGroupKind(),
      new io.resoto.worker.aws.kinds.iam.AwsIamInstanceProfileKind(),
      new io.resoto.worker.aws.kinds.iam.AwsIamPolicyKind(),
      new io.resoto.worker.aws.kinds.iam.AwsIamRoleKind(),
      new io.resoto.worker.aws.kinds.iam.AwsIamServerCertificateKind(),
      new io.resoto.worker.aws.kinds.iam.AwsIamUserKind(),
      new io.resoto.worker.aws.kinds.kinesis.AwsKinesisStreamKind(),
      new io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind(),
      new io.resoto.worker.aws.kinds.lambda.AwsLambdaFunctionKind(),
      new io.resoto.worker.aws.kinds.opensearch.AwsOpenSearchDomainKind(),
      new AwsOrganizationalRootKind(),
      new AwsOrganizationalUnitKind(),
      new io.resoto.worker.aws.kinds.rds.AwsRdsClusterKind(),
      new io.resoto.worker.aws.kinds.rds.AwsRdsClusterSnapshotKind(),
      new io.resoto.worker.aws.kinds.rds.AwsRdsInstanceKind(),
      new io.resoto.worker.aws.kinds.rds.AwsRdsSnapshotKind(),
      new io.resoto.worker.aws.kinds.redshift.AwsRedshiftClusterKind(),
      new AwsRegionKind(),
      new io.resoto.worker.aws.kinds.iam.AwsRootUserKind(),
      new io.resoto.worker.aws.kinds.route53.AwsRoute53ResourceRecordKind(),
      new io.resoto.worker.aws.kinds.route53.AwsRoute53ResourceRecordSetKind(),
      new io.resoto.worker.aws.kinds.route53.AwsRoute53ZoneKind(),
      new io.resoto.worker.aws.kinds.s3.AwsS3AccountSettingsKind(),
      new io.resoto.worker.aws.kinds.s3.AwsS3BucketKind(),
      new io.resoto.worker.aws.kinds.secretsmanager.AwsSecretsManagerSecretKind(),
      new io.resoto.worker.aws.kinds.servicequotas.AwsServiceQuotaKind(),
      new io.resoto.worker.aws.kinds.sns.AwsSnsEndpointKind(),
      new io.resoto.worker.aws.kinds.sns.AwsSnsPlatformApplicationKind(),
      new io.resoto.worker.aws.kinds.sns.AwsSnsSubscriptionKind(),
      new io.resoto.worker.aws.kinds.sns.AwsSnsTopicKind(),
      new io.resoto.worker.aws.kinds.sqs.AwsSqsQueueKind(),
      new io.resoto.worker.aws.kinds.ssm.AwsSsmDocumentKind(),
      new io.resoto.worker.aws.kinds.ssm.AwsSsmInstanceKind(),
      new io.resoto.worker.aws.kinds.ssm.AwsSsmResourceComplianceKind(),
      new io.resoto.worker.aws.kinds.ec2.AwsVpcKind(),
      new io.resoto.worker.aws.kinds.ec2.AwsVpcEndpointKind(),
      new io.resoto.worker.aws.kinds.ec2.AwsVpcPeeringConnectionKind(),
      new io.resoto.worker.aws.kinds.waf.AwsWafWebAclKind()
);

  private KindRegistry() {}

  /** All kinds, in alphabetical order. */
  public static List<AwsKind> kinds() {
    return KINDS;
  }

  /**
   * The model kinds of all AWS kinds that export nodes ({@link AwsKind#exportsNodes()}) plus their
   * shared base {@code aws_resource}. Successor kinds
   * the reference declares but that no registered kind (nor the base model) defines yet are left
   * out, so the model stays consistent while kinds are being added.
   */
  public static List<ModelKind> model() {
    return model(KINDS);
  }

  /** The model of the given kinds, pruned as {@link #model()} says. */
  public static List<ModelKind> model(List<AwsKind> kinds) {
    List<ComplexKind> declared = new ArrayList<>();
    declared.add(KindModel.awsResource());
    kinds.stream().filter(AwsKind::exportsNodes).forEach(k -> declared.add(k.model()));
    Set<String> known = new HashSet<>();
    Model.base().kinds().forEach(k -> known.add(k.fqn()));
    declared.forEach(k -> known.add(k.fqn()));
    List<ModelKind> out = new ArrayList<>();
    for (ComplexKind k : declared) {
      Map<String, List<String>> successors = new LinkedHashMap<>();
      successors(k, declared).forEach((type, targets) -> {
        List<String> present = targets.stream().filter(known::contains).toList();
        if (!present.isEmpty()) {
          successors.put(type, present);
        }
      });
      Map<String, Object> metadata = new LinkedHashMap<>(k.metadata());
      metadata.remove(KindModel.PREDECESSORS);
      out.add(new ComplexKind(k.fqn(), k.bases(), k.properties(), successors, k.aggregateRoot(), metadata));
    }
    return List.copyOf(out);
  }

  /**
   * A kind's successors per edge type: those it declares, and those other kinds declare as their
   * predecessors ({@link KindModel#predecessors}), in declaration order, each once.
   */
  public static Map<String, List<String>> successors(ComplexKind kind, List<ComplexKind> all) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    kind.successorKinds().forEach((type, targets) -> out.put(type, new ArrayList<>(targets)));
    for (ComplexKind other : all) {
      if (other.metadata().get(KindModel.PREDECESSORS) instanceof Map<?, ?> preds) {
        preds.forEach((type, sources) -> {
          if (sources instanceof List<?> list && list.contains(kind.fqn())) {
            List<String> targets = out.computeIfAbsent((String) type, t -> new ArrayList<>());
            if (!targets.contains(other.fqn())) {
              targets.add(other.fqn());
            }
          }
        });
      }
    }
    return out;
  }

  /** {@link #successors(ComplexKind, List)} over the registry's kinds. */
  public static Map<String, List<String>> successors(AwsKind kind) {
    return successors(kind.model(), KINDS.stream().map(AwsKind::model).toList());
  }
}
