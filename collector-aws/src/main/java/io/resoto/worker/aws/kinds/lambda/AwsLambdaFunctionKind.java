package io.resoto.worker.aws.kinds.lambda;

import static io.resoto.worker.aws.kinds.SdkMaps.OBJECT;
import static io.resoto.worker.aws.kinds.SdkMaps.OBJECTS;
import static io.resoto.worker.aws.kinds.SdkMaps.int64;
import static io.resoto.worker.aws.kinds.SdkMaps.plain;
import static io.resoto.worker.aws.kinds.SdkMaps.text;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.SdkMaps;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionUrlConfigResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * {@code aws_lambda_function}: Lambda functions (ListFunctions, then per function
 * GetFunctionUrlConfig, GetPolicy and ListTags). id and name are the function name, mtime its
 * {@code LastModified}, the ARN {@code FunctionArn}. A function without a URL or a resource policy
 * answers {@code ResourceNotFoundException}: it has none, which is not an error.
 *
 * <p>Edges: the function points to the KMS key that encrypts its environment; its VPC, subnets
 * and security groups point to it (default and delete edges). The original's declared delete
 * successors {@code aws_apigateway_rest_api} and {@code aws_apigateway_resource} are declared by
 * name; the API Gateway kinds make those edges.
 *
 * <p>Usage metrics (the original's AWS/Lambda queries) are not collected yet.
 */
public final class AwsLambdaFunctionKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_lambda_function";

  private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("serverless_function", KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DEFAULT, "aws_ec2_security_group", "aws_ec2_subnet", "aws_vpc")
      .predecessors(EdgeType.DELETE, "aws_ec2_security_group", "aws_ec2_subnet", "aws_vpc")
      .display("function", "compute")
      .successors(EdgeType.DEFAULT, AwsKmsKeyKind.KIND)
      .successors(EdgeType.DELETE, "aws_apigateway_rest_api", "aws_apigateway_resource")
      .property("function_runtime", "string", "The runtime identifier, e.g. python3.12; absent for container images.")
      .property("function_role", "string", "The ARN of the function's execution role.")
      .property("function_handler", "string", "The function in the code that Lambda calls, e.g. app.handler.")
      .property("function_code_size", "int64", "The size of the deployment package, in bytes.")
      .property("function_description", "string", "The function's description.")
      .property("function_timeout", "int64", "How long an invocation may run before Lambda stops it, in seconds.")
      .property("function_memory_size", "int64", "The memory available to the function at runtime, in MB.")
      .property("function_code_sha256", "string", "The SHA-256 hash of the deployment package.")
      .property("function_version", "string", "The version of the function ($LATEST for the unpublished one).")
      .property("function_vpc_config", OBJECT, "The VPC connection: subnet ids, security group ids, VPC id, IPv6 for dual stack.")
      .property("function_dead_letter_config", OBJECT, "Where failed asynchronous invocations go: the target (SQS queue or SNS topic) ARN.")
      .property("function_environment", OBJECT, "The environment: its variables and any error reading them.")
      .property("function_kms_key_arn", "string", "The KMS key that encrypts the environment variables, if a customer key does.")
      .property("function_tracing_config", OBJECT, "The X-Ray tracing mode: Active or PassThrough.")
      .property("function_master_arn", "string", "For a Lambda@Edge replica, the ARN of the main function.")
      .property("function_revision_id", "string", "The latest revision of the function or alias.")
      .property("function_layers", OBJECTS, "The layers of the function: ARN, code size, signing profile and job ARNs.")
      .property("function_state", "string", "The function's state: Pending, Active, Inactive or Failed.")
      .property("function_state_reason", "string", "Why the function is in its state.")
      .property("function_state_reason_code", "string", "The code of the reason for the function's state.")
      .property("function_last_update_status", "string", "The status of the last update: Successful, Failed or InProgress.")
      .property("function_last_update_status_reason", "string", "Why the last update has its status.")
      .property("function_last_update_status_reason_code", "string", "The code of the reason for the last update's status.")
      .property("function_file_system_configs", OBJECTS, "The EFS access points the function mounts: ARN and local mount path.")
      .property("function_package_type", "string", "How the code is deployed: Zip archive or container Image.")
      .property("function_image_config_response", OBJECT, "The container image settings that override the image's entry point, command and working directory.")
      .property("function_signing_profile_version_arn", "string", "The ARN of the signing profile version that signed the code.")
      .property("function_signing_job_arn", "string", "The ARN of the signing job that signed the code.")
      .property("function_architectures", "string[]", "The instruction set architecture: x86_64 or arm64.")
      .property("function_ephemeral_storage_size", "int64", "The size of the function's /tmp directory, in MB.")
      .property("function_snap_start", OBJECT, "The SnapStart setting (apply on) and its optimisation status.")
      .property("function_runtime_version_config", OBJECT, "The runtime version's ARN and any error reading it.")
      .property("function_logging_config", OBJECT, "Where and how the function logs: format, application and system log levels, log group.")
      .property("function_policy", "string", "The function's resource-based policy (who may invoke it), a JSON document.")
      .property("function_url_config", OBJECT, "The function URL: the URL, auth type, CORS settings, creation and change time, invoke mode.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsLambdaFunctionKind() {
    this(50);
  }

  /** The kind listing functions in pages of this size (1..50; tests page small estates with it). */
  AwsLambdaFunctionKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "lambda", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("lambda:ListFunctions", "lambda:GetFunctionUrlConfig", "lambda:GetPolicy", "lambda:ListTags");
  }

  /** Tags through lambda:TagResource and lambda:UntagResource with the function's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(TagSupport.of(
        List.of("lambda:TagResource"),
        (ctx, key, value) -> ctx.client(LambdaClient.builder())
            .tagResource(r -> r.resource(ctx.arn()).tags(Map.of(key, value))),
        List.of("lambda:UntagResource"),
        (ctx, key) -> ctx.client(LambdaClient.builder())
            .untagResource(r -> r.resource(ctx.arn()).tagKeys(key))));
  }

  @Override
  public void collect(KindContext ctx) {
    LambdaClient lambda = ctx.client(LambdaClient.builder());
    for (FunctionConfiguration f : lambda.listFunctionsPaginator(b -> b.maxItems(pageSize)).functions()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        GetFunctionUrlConfigResponse url = notFoundAsNull(() -> lambda.getFunctionUrlConfig(b -> b.functionName(f.functionName())));
        String policy = notFoundAsNull(() -> lambda.getPolicy(b -> b.functionName(f.functionName())).policy());
        Map<String, String> tags = lambda.listTags(b -> b.resource(f.functionArn())).tags();
        Node node = ctx.add(node(ctx, f, url, policy, tags));
        ctx.edge(node, AwsKmsKeyKind.KIND, AwsKmsKeyKind.keyId(f.kmsKeyArn()), EdgeType.DEFAULT);
        if (f.vpcConfig() != null) {
          for (EdgeType type : List.of(EdgeType.DEFAULT, EdgeType.DELETE)) {
            ctx.edgeFrom("aws_vpc", text(f.vpcConfig().vpcId()), node, type);
            f.vpcConfig().subnetIds().forEach(s -> ctx.edgeFrom("aws_ec2_subnet", s, node, type));
            f.vpcConfig().securityGroupIds().forEach(g -> ctx.edgeFrom("aws_ec2_security_group", g, node, type));
          }
        }
      });
    }
  }

  private interface Call<T> {
    T run();
  }

  private static <T> T notFoundAsNull(Call<T> call) {
    try {
      return call.run();
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  /** Maps a function: id and name = FunctionName, mtime = LastModified. */
  static Node node(KindContext ctx, FunctionConfiguration f, GetFunctionUrlConfigResponse url, String policy,
      Map<String, String> tags) {
    Node.Builder b = ctx.node(KIND, f.functionName()).name(f.functionName()).tags(tags)
        .mtime(lastModified(f.lastModified()))
        .property("function_runtime", text(f.runtimeAsString()))
        .property("function_role", text(f.role()))
        .property("function_handler", text(f.handler()))
        .property("function_code_size", f.codeSize())
        .property("function_description", text(f.description()))
        .property("function_timeout", int64(f.timeout()))
        .property("function_memory_size", int64(f.memorySize()))
        .property("function_code_sha256", text(f.codeSha256()))
        .property("function_version", text(f.version()))
        .property("function_vpc_config", plain(f.vpcConfig()))
        .property("function_dead_letter_config", plain(f.deadLetterConfig()))
        .property("function_environment", plain(f.environment()))
        .property("function_kms_key_arn", text(f.kmsKeyArn()))
        .property("function_tracing_config", plain(f.tracingConfig()))
        .property("function_master_arn", text(f.masterArn()))
        .property("function_revision_id", text(f.revisionId()))
        .property("function_layers", plain(f.layers()))
        .property("function_state", text(f.stateAsString()))
        .property("function_state_reason", text(f.stateReason()))
        .property("function_state_reason_code", text(f.stateReasonCodeAsString()))
        .property("function_last_update_status", text(f.lastUpdateStatusAsString()))
        .property("function_last_update_status_reason", text(f.lastUpdateStatusReason()))
        .property("function_last_update_status_reason_code", text(f.lastUpdateStatusReasonCodeAsString()))
        .property("function_file_system_configs", plain(f.fileSystemConfigs()))
        .property("function_package_type", text(f.packageTypeAsString()))
        .property("function_image_config_response", plain(f.imageConfigResponse()))
        .property("function_signing_profile_version_arn", text(f.signingProfileVersionArn()))
        .property("function_signing_job_arn", text(f.signingJobArn()))
        .property("function_architectures", SdkMaps.orNull(f.architecturesAsStrings()))
        .property("function_ephemeral_storage_size", f.ephemeralStorage() == null ? null : int64(f.ephemeralStorage().size()))
        .property("function_snap_start", plain(f.snapStart()))
        .property("function_runtime_version_config", plain(f.runtimeVersionConfig()))
        .property("function_logging_config", plain(f.loggingConfig()))
        .property("function_policy", text(policy))
        .property("function_url_config", plain(url));
    return KindContext.arn(b, f.functionArn()).build();
  }

  /** Lambda's {@code 2024-03-04T09:15:05.000+0000}; null when missing or unreadable. */
  static Instant lastModified(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, LAST_MODIFIED).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }
}
