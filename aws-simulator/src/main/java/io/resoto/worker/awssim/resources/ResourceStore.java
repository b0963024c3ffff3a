package io.resoto.worker.awssim.resources;

import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.estate.RawResources;
import io.resoto.worker.awssim.identity.RegionAccess;
import io.resoto.worker.awssim.model.SdkObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The estate's resources as the SDK's model objects, for the handlers of the resource listings.
 * The estate holds them per account, region (or {@code global}) and service, each service as a
 * mapping from a collection name to a list in the API's own shape, e.g.
 *
 * <pre>
 * resources:
 *   "111111111111":
 *     us-east-1:
 *       ec2:
 *         Instances: [{InstanceId: i-0abc, InstanceType: t3.micro, ...}]
 *         Volumes: [...]
 *     global:
 *       iam:
 *         Users: [{UserName: alice, ...}]
 * </pre>
 *
 * Objects are built once, on first use, and shared: the SDK's model objects are immutable.
 */
public final class ResourceStore {

  private final Estate estate;
  private final Map<String, List<?>> cache = new ConcurrentHashMap<>();

  public ResourceStore(Estate estate) {
    this.estate = estate;
  }

  /** The estate the resources come from (for what is not per account, such as price lists). */
  public Estate estate() {
    return estate;
  }

  /**
   * The collection in the caller's account and the call's region (regional services), after the
   * region check: a region not enabled for the account answers as AWS does.
   */
  public <T extends SdkPojo> List<T> regional(CallContext ctx, String service, String collection, Class<T> type) {
    RegionAccess.requireEnabled(estate, ctx);
    return list(ctx.caller().accountId(), ctx.region(), service, collection, type);
  }

  /** The collection of a global service (IAM, S3's bucket list, ...) in the caller's account. */
  public <T extends SdkPojo> List<T> global(CallContext ctx, String service, String collection, Class<T> type) {
    return list(ctx.caller().accountId(), RawResources.GLOBAL, service, collection, type);
  }

  /** The collection as stored, empty when the estate has none. */
  @SuppressWarnings("unchecked")
  public <T extends SdkPojo> List<T> list(String account, String region, String service, String collection,
      Class<T> type) {
    String key = account + "/" + region + "/" + service + "/" + collection + "/" + type.getName();
    return (List<T>) cache.computeIfAbsent(key, k -> build(account, region, service, collection, type));
  }

  private <T extends SdkPojo> List<T> build(String account, String region, String service, String collection,
      Class<T> type) {
    Object data = estate.resources().get(account, region, service);
    if (!(data instanceof Map<?, ?> byCollection)) {
      return List.of();
    }
    Object items = byCollection.get(collection);
    if (items == null) {
      return List.of();
    }
    String path = "resources." + account + "." + region + "." + service + "." + collection;
    if (!(items instanceof List<?> list)) {
      throw new IllegalArgumentException(path + ": expected a list");
    }
    List<T> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      if (!(list.get(i) instanceof Map<?, ?> item)) {
        throw new IllegalArgumentException(path + "[" + i + "]: expected a mapping");
      }
      out.add(SdkObjects.fromMap(type, item, path + "[" + i + "]"));
    }
    return List.copyOf(out);
  }
}
