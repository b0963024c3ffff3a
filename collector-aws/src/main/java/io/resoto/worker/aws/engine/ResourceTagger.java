package io.resoto.worker.aws.engine;

import io.resoto.worker.aws.account.AccountAccess;
import io.resoto.worker.aws.account.AwsErrors;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.credentials.Partitions;
import io.resoto.worker.spi.TagTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Changes one tag of one collected resource: finds the node's kind and its {@link TagSupport},
 * the credentials of the node's account ({@link AccountAccess}), and calls AWS in the node's
 * region (global kinds: the partition's global region). Refuses kinds without tag calls, nodes
 * without an account, and reports AWS's refusals as "calls in account/region: Code: message".
 */
public final class ResourceTagger {

  private final Map<String, AwsKind> kinds = new LinkedHashMap<>();
  private final AwsClientFactory clients;
  private final AccountAccess access;

  public ResourceTagger(List<AwsKind> kinds, AwsClientFactory clients, AccountAccess access) {
    kinds.forEach(k -> this.kinds.put(k.name(), k));
    this.clients = Objects.requireNonNull(clients, "clients");
    this.access = Objects.requireNonNull(access, "access");
  }

  /** Sets {@code key} to {@code value} on the resource. */
  public void update(TagTarget target, String key, String value) throws Exception {
    TagSupport support = support(target);
    run(target, support.updateCalls(), ctx -> support.update(ctx, key, value));
  }

  /** Removes {@code key} from the resource. */
  public void delete(TagTarget target, String key) throws Exception {
    TagSupport support = support(target);
    run(target, support.deleteCalls(), ctx -> support.delete(ctx, key));
  }

  private TagSupport support(TagTarget target) {
    AwsKind kind = kinds.get(target.kind());
    if (kind == null) {
      throw new UnsupportedOperationException(target.kind() + " is not a kind of this AWS collector; its tags"
          + " cannot be changed here");
    }
    return kind.tagSupport().orElseThrow(() -> new UnsupportedOperationException(target.kind()
        + " has no tag calls (AWS or the collector offers none for this kind): its tags cannot be changed"));
  }

  @FunctionalInterface
  private interface Call {
    void run(TagContext ctx) throws Exception;
  }

  private void run(TagTarget target, List<String> calls, Call call) throws Exception {
    String account = target.accountId();
    if (account == null) {
      throw new IllegalArgumentException(target.describe() + " has no account ancestor (ancestors.account.reported.id)");
    }
    String partition = Objects.requireNonNullElse(Partitions.ofArn(target.arn()),
        target.regionId() == null ? Partitions.AWS : Partitions.ofRegion(target.regionId()));
    AwsKind kind = kinds.get(target.kind());
    String region = kind.scope() == AwsKind.Scope.REGIONAL && target.regionId() != null
        ? target.regionId() : Partitions.globalRegion(partition);
    AwsCredentialsProvider credentials = access.credentials(account, partition);
    try (TagContext ctx = new TagContext(target, partition, region, clients, credentials)) {
      call.run(ctx);
    } catch (SdkException e) {
      throw new IllegalStateException(String.join(", ", calls) + " in " + account + "/" + region + ": "
          + AwsErrors.describe(e), e);
    }
  }
}
