package io.resoto.worker.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tag support follows the reference's kinds table (§4.3, column "tag update/delete calls"): a
 * kind of the registry declares tag calls exactly when its row has some, and makes at least the
 * calls the row names (S3 also removes a tag set left empty). The list below is the table's whole
 * column (102 kinds), so a kind added later is checked too.
 */
class TagSupportConventionTest {

  /** kind | update calls | delete calls, as in the table (CLI operation names, "/" between calls). */
  private static final String TABLE = """
      aws_alb | add-tags | remove-tags
      aws_alb_target_group | add-tags | remove-tags
      aws_apigateway_domain_name | tag-resource | untag-resource
      aws_apigateway_rest_api | tag-resource | untag-resource
      aws_apigateway_stage | tag-resource | untag-resource
      aws_athena_data_catalog | tag-resource | untag-resource
      aws_athena_work_group | tag-resource | untag-resource
      aws_autoscaling_group | create-or-update-tags | delete-tags
      aws_backup_framework | tag-resource | untag-resource
      aws_backup_legal_hold | tag-resource | untag-resource
      aws_backup_plan | tag-resource | untag-resource
      aws_backup_report_plan | tag-resource | untag-resource
      aws_backup_restore_testing_plan | tag-resource | untag-resource
      aws_backup_vault | tag-resource | untag-resource
      aws_beanstalk_application | update-tags-for-resource | update-tags-for-resource
      aws_beanstalk_environment | update-tags-for-resource | update-tags-for-resource
      aws_bedrock_agent | tag-resource | untag-resource
      aws_bedrock_agent_flow | tag-resource | untag-resource
      aws_bedrock_agent_flow_version | tag-resource | untag-resource
      aws_bedrock_agent_knowledge_base | tag-resource | untag-resource
      aws_bedrock_agent_prompt | tag-resource | untag-resource
      aws_bedrock_custom_model | tag-resource | untag-resource
      aws_bedrock_evaluation_job | tag-resource | untag-resource
      aws_bedrock_guardrail | tag-resource | untag-resource
      aws_bedrock_model_customization_job | tag-resource | untag-resource
      aws_bedrock_provisioned_model_throughput | tag-resource | untag-resource
      aws_cloud_trail | add-tags | remove-tags
      aws_cloudformation_stack | describe-stacks/update-stack | describe-stacks/update-stack
      aws_cloudformation_stack_set | update-stack-set | update-stack-set
      aws_cloudfront_distribution | tag-resource | untag-resource
      aws_cloudfront_function | tag-resource | untag-resource
      aws_cloudfront_realtime_log_config | tag-resource | untag-resource
      aws_cloudfront_streaming_distribution | tag-resource | untag-resource
      aws_cloudwatch_alarm | tag-resource | untag-resource
      aws_cloudwatch_log_group | tag-resource | untag-resource
      aws_cognito_user_pool | tag-resource | untag-resource
      aws_dynamodb_global_table | tag-resource | untag-resource
      aws_dynamodb_table | tag-resource | untag-resource
      aws_ec2_elastic_ip | create-tags | delete-tags
      aws_ec2_flow_log | create-tags | delete-tags
      aws_ec2_host | create-tags | delete-tags
      aws_ec2_instance | create-tags | delete-tags
      aws_ec2_internet_gateway | create-tags | delete-tags
      aws_ec2_keypair | create-tags | delete-tags
      aws_ec2_launch_template | create-tags | delete-tags
      aws_ec2_nat_gateway | create-tags | delete-tags
      aws_ec2_network_acl | create-tags | delete-tags
      aws_ec2_network_interface | create-tags | delete-tags
      aws_ec2_reserved_instances | create-tags | delete-tags
      aws_ec2_route_table | create-tags | delete-tags
      aws_ec2_security_group | create-tags | delete-tags
      aws_ec2_snapshot | create-tags | delete-tags
      aws_ec2_subnet | create-tags | delete-tags
      aws_ec2_volume | create-tags | delete-tags
      aws_ecs_capacity_provider | tag-resource | untag-resource
      aws_ecs_cluster | tag-resource | untag-resource
      aws_ecs_container_instance | tag-resource | untag-resource
      aws_ecs_service | tag-resource | untag-resource
      aws_ecs_task | tag-resource | untag-resource
      aws_ecs_task_definition | tag-resource | untag-resource
      aws_efs_file_system | tag-resource | untag-resource
      aws_eks_cluster | tag-resource | untag-resource
      aws_eks_nodegroup | tag-resource | untag-resource
      aws_elasticache_cache_cluster | add-tags-to-resource | remove-tags-from-resource
      aws_elasticache_replication_group | add-tags-to-resource | remove-tags-from-resource
      aws_elb | add-tags | remove-tags
      aws_glacier_vault | add-tags-to-vault | remove-tags-from-vault
      aws_iam_instance_profile | tag-instance-profile | untag-instance-profile
      aws_iam_policy | tag-policy | untag-policy
      aws_iam_role | tag-role | untag-role
      aws_iam_server_certificate | tag-server-certificate | untag-server-certificate
      aws_iam_user | tag-user | untag-user
      aws_kinesis_stream | add-tags-to-stream | remove-tags-from-stream
      aws_kms_key | tag-resource | untag-resource
      aws_lambda_function | tag-resource | untag-resource
      aws_q_apps | tag-resource | untag-resource
      aws_q_business_application | tag-resource | untag-resource
      aws_q_business_data_source | tag-resource | untag-resource
      aws_q_business_indice | tag-resource | untag-resource
      aws_q_business_plugin | tag-resource | untag-resource
      aws_q_business_retriever | tag-resource | untag-resource
      aws_q_business_web_experience | tag-resource | untag-resource
      aws_rds_cluster | add-tags-to-resource | remove-tags-from-resource
      aws_rds_instance | add-tags-to-resource | remove-tags-from-resource
      aws_rds_snapshot | add-tags-to-resource | remove-tags-from-resource
      aws_redshift_cluster | create-tags | delete-tags
      aws_route53_zone | change-tags-for-resource | change-tags-for-resource
      aws_s3_bucket | get-bucket-tagging/put-bucket-tagging | get-bucket-tagging/put-bucket-tagging
      aws_sagemaker_endpoint | add-tags | delete-tags
      aws_sagemaker_hyper_parameter_tuning_job | add-tags | delete-tags
      aws_sagemaker_labeling_job | add-tags | delete-tags
      aws_sagemaker_model | add-tags | delete-tags
      aws_sagemaker_notebook | add-tags | delete-tags
      aws_sagemaker_training_job | add-tags | delete-tags
      aws_sagemaker_transform_job | add-tags | delete-tags
      aws_sagemaker_workteam | add-tags | delete-tags
      aws_service_quota | tag-resource | untag-resource
      aws_sns_topic | tag-resource | untag-resource
      aws_sqs_queue | tag-queue | untag-queue
      aws_vpc | create-tags | delete-tags
      aws_vpc_endpoint | create-tags | delete-tags
      aws_vpc_peering_connection | create-tags | delete-tags
      """;

  private static Map<String, List<String>> table() {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    TABLE.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> {
      String[] cells = l.split("\\|");
      rows.put(cells[0].strip(), List.of(cells[1].strip(), cells[2].strip()));
    });
    return rows;
  }

  @Test
  void theTableHoldsTheReferencesCount() {
    assertThat(table()).hasSize(102);
  }

  @Test
  void everyKindWithTagCallsInTheTableDeclaresThemAndNoOtherDoes() {
    Map<String, List<String>> table = table();
    List<String> problems = new ArrayList<>();
    for (AwsKind kind : KindRegistry.kinds()) {
      List<String> row = table.get(kind.name());
      if (row == null) {
        if (kind.tagSupport().isPresent()) {
          problems.add(kind.name() + " declares tag calls, the table has none");
        }
        continue;
      }
      if (kind.tagSupport().isEmpty()) {
        problems.add(kind.name() + " declares no tag calls, the table has " + row);
        continue;
      }
      TagSupport support = kind.tagSupport().get();
      check(kind.name(), "update", row.get(0), support.updateCalls(), problems);
      check(kind.name(), "delete", row.get(1), support.deleteCalls(), problems);
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theKindsOfTheTestsAreAmongThem() {
    assertThat(KindRegistry.kinds().stream().filter(k -> k.tagSupport().isPresent()).map(AwsKind::name))
        .contains("aws_ec2_instance", "aws_iam_user", "aws_s3_bucket")
        .doesNotContain("aws_ec2_image", "aws_iam_group", "aws_account", "aws_region");
  }

  private static void check(String kind, String action, String expected, List<String> declared, List<String> problems) {
    List<String> operations = declared.stream().map(TagSupportConventionTest::cliName).toList();
    for (String call : expected.split("/")) {
      if (!operations.contains(call.strip())) {
        problems.add(kind + " " + action + " makes " + declared + ", the table names " + call.strip());
      }
    }
  }

  /** "ec2:CreateTags" -> "create-tags". */
  private static String cliName(String call) {
    String operation = call.substring(call.indexOf(':') + 1);
    return operation.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
