package io.resoto.worker.aws.engine;

import io.resoto.worker.aws.account.AwsAccountTarget;
import io.resoto.worker.graph.Assessment;
import io.resoto.worker.graph.DeferredEdge;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.SdkClient;

/**
 * What a kind sees while it collects one account in one region (or the account's global region):
 * SDK clients, node builders with the ancestors preset, and a place to put nodes and edges. Safe
 * to use from the kind's fan-out tasks.
 *
 * <p>Edges name their other end by (kind, resource id) and are resolved when the whole account is
 * collected, so a kind never depends on the order in which kinds run. An edge whose other end was
 * not collected is dropped (logged at debug), never left dangling.
 */
public final class KindContext {

  /** A piece of fan-out work; it may throw, and is then classified like the kind's own failure. */
  @FunctionalInterface
  public interface Work {
    void run() throws Exception;
  }

  private final AccountCollector.AccountRun run;
  private final AccountCollector.RegionScope region;
  private final AwsKind kind;

  KindContext(AccountCollector.AccountRun run, AccountCollector.RegionScope region, AwsKind kind) {
    this.run = run;
    this.region = region;
    this.kind = kind;
  }

  /** The kind's own collect call, as a unit of work. */
  Work kindCollect() {
    return () -> kind.collect(this);
  }

  /** The account being collected. */
  public AwsAccountTarget account() {
    return run.target();
  }

  /** The account's partition (aws, aws-cn, aws-us-gov). */
  public String partition() {
    return run.partition();
  }

  /**
   * The region id calls go to and nodes carry as their region ancestor; for global kinds the
   * partition's global region (e.g. us-east-1).
   */
  public String region() {
    return region.id();
  }

  /** The region's name: the id, or {@code global} for the account's global region (ARN templates use it). */
  public String regionName() {
    return region.name();
  }

  /** Whether this is the account's global region. */
  public boolean isGlobal() {
    return region.global();
  }

  /** The kind being collected. */
  public String kind() {
    return kind.name();
  }

  /** True once the run is cancelled: long listings should stop early. */
  public boolean isCancelled() {
    return run.isCancelled();
  }

  /**
   * The SDK client of the builder's service for this account and region, created on first use
   * and shared by every kind of the account; the engine closes it when the account is done. Every
   * request it sends first takes a token of the (region, service) request rate.
   */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C client(
      B builder) {
    return run.client(region.id(), builder);
  }

  /**
   * The SDK client of the builder's service in the partition's global region (us-east-1 in the
   * aws partition), for services that answer only there, such as the Price List API; shared and
   * closed like {@link #client}.
   */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C globalClient(
      B builder) {
    return run.client(Partitions.globalRegion(run.partition()), builder);
  }

  /**
   * A value shared by every account and region of this run, computed by the first caller; for
   * public data that is the same for every account, such as prices. Callers of the same key wait
   * for the first; a failure is not kept, so the next caller tries again. The key must say
   * everything the value depends on (partition, region, ...).
   */
  public <T> T shared(String key, Callable<T> compute) throws Exception {
    return run.shared(key, compute);
  }

  /**
   * Sets properties of this account's {@code aws_account} node, which the engine built from the
   * account target before anything was listed: they are on it when the graph is handed over. Null
   * values are left out; a later value of a property replaces an earlier one.
   */
  public void addAccountProperties(Map<String, ?> properties) {
    run.addAccountProperties(Objects.requireNonNull(properties, "properties"));
  }

  /** A node builder with cloud {@code aws}, this account and this region preset. */
  public Node.Builder node(String kind, String id) {
    return Node.builder(kind, id).cloud(AccountCollector.CLOUD).account(run.target().id()).region(region.id());
  }

  /**
   * Sets the node's ARN: the {@code arn} property and, as the original does for every AWS
   * resource with an ARN, an extra part of its id tuple. A null ARN changes nothing.
   */
  public static Node.Builder arn(Node.Builder builder, String arn) {
    if (arn != null) {
      builder.idKeyExtra(arn).property("arn", arn);
    }
    return builder;
  }

  /** Adds a node; the engine links it to this region (unless the kind says otherwise). */
  public Node add(Node node) {
    run.addNode(Objects.requireNonNull(node, "node"), region, kind);
    return node;
  }

  /** An edge from {@code from} to the node of {@code targetKind} with this resource id, if collected. */
  public void edge(Node from, String targetKind, String targetResourceId, EdgeType type) {
    if (targetResourceId != null) {
      run.addEdge(new AccountCollector.PendingEdge(from, null, null, null, targetKind, targetResourceId,
          type, region.id()));
    }
  }

  /** An edge to {@code to} from the node of {@code sourceKind} with this resource id, if collected. */
  public void edgeFrom(String sourceKind, String sourceResourceId, Node to, EdgeType type) {
    if (sourceResourceId != null) {
      run.addEdge(new AccountCollector.PendingEdge(null, sourceKind, sourceResourceId, to, null, null,
          type, region.id()));
    }
  }

  /**
   * An edge from {@code from} to the node of {@code targetKind} whose {@code arn} property is
   * {@code targetArn}, if collected: for APIs that name other resources only by ARN while the
   * target kind's id is something else (a DynamoDB table's id is its TableId).
   */
  public void edgeToArn(Node from, String targetKind, String targetArn, EdgeType type) {
    if (targetArn != null) {
      edge(from, targetKind, AccountCollector.byArn(targetArn), type);
    }
  }

  /** An edge to {@code to} from the node of {@code sourceKind} whose {@code arn} property is {@code sourceArn}. */
  public void edgeFromArn(String sourceKind, String sourceArn, Node to, EdgeType type) {
    if (sourceArn != null) {
      edgeFrom(sourceKind, AccountCollector.byArn(sourceArn), to, type);
    }
  }

  /**
   * A finding of {@code provider} about the node of {@code targetKind} with this resource id,
   * resolved like an edge once the account is collected: it lands in that node's assessment of the
   * provider (exported as {@code metadata.assessments}); dropped (logged at debug) when no such node
   * was collected. Findings of one provider about one node form one assessment, in the order given.
   */
  public void finding(String targetKind, String targetResourceId, String provider, Assessment.Finding finding) {
    if (targetResourceId != null) {
      run.addFinding(new AccountCollector.PendingFinding(Objects.requireNonNull(targetKind, "targetKind"),
          targetResourceId, Objects.requireNonNull(provider, "provider"), Objects.requireNonNull(finding, "finding"),
          region.id()));
    }
  }

  /** A finding about the node of {@code targetKind} whose {@code arn} property is {@code targetArn}, as {@link #finding}. */
  public void findingForArn(String targetKind, String targetArn, String provider, Assessment.Finding finding) {
    if (targetArn != null) {
      finding(targetKind, AccountCollector.byArn(targetArn), provider, finding);
    }
  }

  /**
   * An edge from {@code from} to nodes the core finds after the merge, possibly in other graphs
   * (e.g. from an organisational unit to the accounts in it, whose graphs other accounts deliver).
   * Dropped with {@code from} if that node is not kept.
   */
  public void deferredEdge(Node from, DeferredEdge.Selector to, EdgeType type) {
    run.addDeferredEdge(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"),
        Objects.requireNonNull(type, "type"));
  }

  /**
   * An edge from {@code from} to every node of {@code targetKind} collected in this account (none
   * when there is none), e.g. from the account's S3 settings to each of its buckets.
   */
  public void edgesToAll(Node from, String targetKind, EdgeType type) {
    run.addEdge(new AccountCollector.PendingEdge(Objects.requireNonNull(from, "from"), null, null, null,
        Objects.requireNonNull(targetKind, "targetKind"), null, Objects.requireNonNull(type, "type"), region.id()));
  }

  /** As {@link #edgesToAll}, to the nodes of {@code targetKind} in this region only (a regional quota's). */
  public void edgesToAllInRegion(Node from, String targetKind, EdgeType type) {
    run.addEdge(new AccountCollector.PendingEdge(Objects.requireNonNull(from, "from"), null, null, null,
        Objects.requireNonNull(targetKind, "targetKind"), AccountCollector.ALL_IN_REGION,
        Objects.requireNonNull(type, "type"), region.id()));
  }

  /**
   * Runs more work of this kind (one describe call per item, tags, ...) on the account's pool,
   * within the same "region:service" cap. Its failure is classified and recorded for this (region,
   * kind) like the kind's own.
   */
  public void submit(Work work) {
    run.submitWork(this, region, kind, work);
  }
}
