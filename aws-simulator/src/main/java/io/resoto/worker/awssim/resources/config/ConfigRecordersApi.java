package io.resoto.worker.awssim.resources.config;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.HandlerRegistry;
import io.resoto.worker.awssim.resources.ResourceApi;
import io.resoto.worker.awssim.resources.ResourceStore;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.config.model.ConfigurationRecorder;
import software.amazon.awssdk.services.config.model.ConfigurationRecorderStatus;
import software.amazon.awssdk.services.config.model.DescribeConfigurationRecorderStatusRequest;
import software.amazon.awssdk.services.config.model.DescribeConfigurationRecorderStatusResponse;
import software.amazon.awssdk.services.config.model.DescribeConfigurationRecordersRequest;
import software.amazon.awssdk.services.config.model.DescribeConfigurationRecordersResponse;

/**
 * AWS Config configuration recorders (JSON 1.1): DescribeConfigurationRecorders and
 * DescribeConfigurationRecorderStatus, from the estate's {@code config} collections
 * {@code ConfigurationRecorders} ({@link ConfigurationRecorder}) and
 * {@code ConfigurationRecorderStatuses} ({@link ConfigurationRecorderStatus}, by recorder name).
 *
 * <p>As in AWS: neither call pages; without names or ARN both answer every recorder of the
 * region; a name or ARN given that names no recorder is {@code NoSuchConfigurationRecorderException}.
 */
public final class ConfigRecordersApi implements ResourceApi {

  private static final String SERVICE = "config";

  /** Registered in {@code ResourceApis.ALL}. */
  public ConfigRecordersApi() {}

  @Override
  public void register(HandlerRegistry registry, ResourceStore store) {
    registry.on(DescribeConfigurationRecordersRequest.class, (ctx, req) -> DescribeConfigurationRecordersResponse
        .builder().configurationRecorders(select(ctx, store.regional(ctx, SERVICE, "ConfigurationRecorders",
            ConfigurationRecorder.class), req.configurationRecorderNames(), req.arn(), ConfigurationRecorder::name,
            ConfigurationRecorder::arn))
        .build());
    registry.on(DescribeConfigurationRecorderStatusRequest.class, (ctx, req) ->
        DescribeConfigurationRecorderStatusResponse.builder().configurationRecordersStatus(select(ctx,
            store.regional(ctx, SERVICE, "ConfigurationRecorderStatuses", ConfigurationRecorderStatus.class),
            req.configurationRecorderNames(), req.arn(), ConfigurationRecorderStatus::name,
            ConfigurationRecorderStatus::arn)).build());
  }

  private static <T> List<T> select(CallContext ctx, List<T> all, List<String> names, String arn,
      Function<T, String> name, Function<T, String> arnOf) {
    if (arn != null && !arn.isEmpty()) {
      List<T> out = all.stream().filter(r -> arn.equals(arnOf.apply(r))).toList();
      if (out.isEmpty()) {
        throw missing(arn);
      }
      return out;
    }
    if (names == null || names.isEmpty()) {
      return all;
    }
    for (String n : names) {
      if (all.stream().noneMatch(r -> n.equals(name.apply(r)))) {
        throw missing(n);
      }
    }
    return all.stream().filter(r -> names.contains(name.apply(r))).toList();
  }

  private static AwsError missing(String recorder) {
    return AwsError.of(400, "NoSuchConfigurationRecorderException",
        "Cannot find configuration recorder with the specified name '" + recorder + "'.");
  }
}
