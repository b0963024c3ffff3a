package io.resoto.worker.aws.engine;

import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.spi.TagTarget;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;

/**
 * What a kind's {@link TagSupport} sees while it changes one tag: the resource, and SDK clients
 * with the credentials of the resource's account in the resource's region (global kinds: the
 * partition's global region). Clients are closed with the context.
 */
public final class TagContext implements AutoCloseable {

  private final TagTarget target;
  private final String partition;
  private final String region;
  private final AwsClientFactory clients;
  private final AwsCredentialsProvider credentials;
  private final List<SdkClient> opened = new ArrayList<>();

  TagContext(TagTarget target, String partition, String region, AwsClientFactory clients,
      AwsCredentialsProvider credentials) {
    this.target = target;
    this.partition = partition;
    this.region = region;
    this.clients = clients;
    this.credentials = credentials;
  }

  /** The resource, as the core's node describes it. */
  public TagTarget target() {
    return target;
  }

  /** The resource's partition (aws, aws-cn, aws-us-gov). */
  public String partition() {
    return partition;
  }

  /** The region calls go to: the resource's, or the partition's global region for global kinds. */
  public String region() {
    return region;
  }

  /** A client of the builder's service in {@link #region()}. */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(B builder) {
    return client(builder, region);
  }

  /** A client of the builder's service in another region (e.g. an S3 bucket's own region). */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
      B builder, String region) {
    C client = clients.create(builder, credentials, region);
    opened.add(client);
    return client;
  }

  /**
   * A property of the node that a tag call needs besides the id.
   *
   * @throws IllegalArgumentException when the node lacks it
   */
  public String required(String property) {
    String value = target.property(property);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(target.describe() + " has no " + property + ", which its tag calls need");
    }
    return value;
  }

  /**
   * The resource's ARN.
   *
   * @throws IllegalArgumentException when the node has none
   */
  public String arn() {
    if (target.arn() != null && !target.arn().isEmpty()) {
      return target.arn();
    }
    return required("arn");
  }

  /**
   * The resource's name ({@code reported.name}), else the last part of its ARN's resource path:
   * what IAM's tag calls take for users, roles, instance profiles and server certificates.
   */
  public String name() {
    if (target.name() != null && !target.name().isEmpty()) {
      return target.name();
    }
    String arn = target.arn();
    if (arn != null && arn.contains("/")) {
      return arn.substring(arn.lastIndexOf('/') + 1);
    }
    throw new IllegalArgumentException(target.describe() + " has neither a name nor an ARN, which its tag calls need");
  }

  @Override
  public void close() {
    opened.forEach(SdkClient::close);
    opened.clear();
  }
}
