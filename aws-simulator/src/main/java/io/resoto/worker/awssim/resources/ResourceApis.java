package io.resoto.worker.awssim.resources;

import io.resoto.worker.awssim.HandlerRegistry;
import java.util.List;

/** Every group of resource listings (and their tag writes) the simulator serves; one line per group. */
public final class ResourceApis {

  private ResourceApis() {}

  /** All groups, in the order they are registered. */
  public static final List<ResourceApi> ALL = List.of(
      new io.resoto.worker.awssim.resources.acm.AcmApi(),
      new io.resoto.worker.awssim.resources.ec2net.Ec2NetworkApi(),
      new io.resoto.worker.awssim.resources.iam.IamResourcesApi(),
      new io.resoto.worker.awssim.resources.pricing.PricingApi(),
      new io.resoto.worker.awssim.resources.s3.S3ResourcesApi(),
      new io.resoto.worker.awssim.resources.s3control.S3ControlApi(),
      new io.resoto.worker.awssim.resources.ec2compute.Ec2ComputeApi(),
      new io.resoto.worker.awssim.resources.ec2tags.Ec2TagsApi(),
      new io.resoto.worker.awssim.resources.iam.IamTagsApi(),
      new io.resoto.worker.awssim.resources.cloudwatch.CloudWatchMetricsApi(),
      new io.resoto.worker.awssim.resources.sqs.SqsQueuesApi(),
      new io.resoto.worker.awssim.resources.kms.KmsKeysApi(),
      new io.resoto.worker.awssim.resources.backup.BackupApi(),
      new io.resoto.worker.awssim.resources.cloudformation.CloudFormationApi(),
      new io.resoto.worker.awssim.resources.cloudfront.CloudFrontApi(),
      new io.resoto.worker.awssim.resources.autoscaling.AutoScalingApi(),
      new io.resoto.worker.awssim.resources.cloudtrail.CloudTrailApi(),
      new io.resoto.worker.awssim.resources.config.ConfigRecordersApi(),
      new io.resoto.worker.awssim.resources.athena.AthenaApi(),
      new io.resoto.worker.awssim.resources.apigateway.ApiGatewayApi(),
      new io.resoto.worker.awssim.resources.dynamodb.DynamoDbTablesApi(),
      new io.resoto.worker.awssim.resources.cloudwatch.CloudWatchAlarmsApi(),
      new io.resoto.worker.awssim.resources.logs.CloudWatchLogsApi(),
      new io.resoto.worker.awssim.resources.secretsmanager.SecretsManagerApi(),
      new io.resoto.worker.awssim.resources.ecr.EcrRepositoriesApi(),
      new io.resoto.worker.awssim.resources.cognito.CognitoUserPoolsApi(),
      new io.resoto.worker.awssim.resources.servicequotas.ServiceQuotasApi(),
      new io.resoto.worker.awssim.resources.kinesis.KinesisStreamsApi(),
      new io.resoto.worker.awssim.resources.route53.Route53Api(),
      new io.resoto.worker.awssim.resources.sns.SnsApi(),
      new io.resoto.worker.awssim.resources.ssm.SsmApi(),
      new io.resoto.worker.awssim.resources.glacier.GlacierApi(),
      new io.resoto.worker.awssim.resources.eks.EksApi(),
      new io.resoto.worker.awssim.resources.ecs.EcsApi(),
      new io.resoto.worker.awssim.resources.efs.EfsApi(),
      new io.resoto.worker.awssim.resources.elasticache.ElastiCacheApi(),
      new io.resoto.worker.awssim.resources.elasticbeanstalk.ElasticBeanstalkApi(),
      new io.resoto.worker.awssim.resources.lambda.LambdaFunctionsApi(),
      new io.resoto.worker.awssim.resources.elbv2.Elbv2Api(),
      new io.resoto.worker.awssim.resources.elb.ElbApi(),
      new io.resoto.worker.awssim.resources.rds.RdsApi(),
      new io.resoto.worker.awssim.resources.redshift.RedshiftApi(),
      new io.resoto.worker.awssim.resources.opensearch.OpenSearchDomainsApi(),
      new io.resoto.worker.awssim.resources.wafv2.Wafv2Api());

  /** Registers every group. */
  public static void registerAll(HandlerRegistry registry, ResourceStore store) {
    for (ResourceApi api : ALL) {
      api.register(registry, store);
    }
  }
}
