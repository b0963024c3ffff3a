package io.resoto.worker.awssim.resources;

import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.estate.EstateSettings;
import io.resoto.worker.awssim.estate.RawResources;
import io.resoto.worker.awssim.identity.RegionAccess;
import io.resoto.worker.awssim.model.SdkObjects;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.UnaryOperator;
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
 *
 * <p>Writes (tags) change one item at a time through {@link #update}: the item is replaced by a
 * new object in its slot of the collection, so a listing costs the same before and after writes,
 * a write costs one rebuilt item (not a copy of the collection), and a listing running while an
 * item is replaced sees either the old or the new item, never a half-written one nor a
 * {@link java.util.ConcurrentModificationException}. Writes to one collection are serialised, so
 * two writes to one item never lose one another's change. Adding or removing an item (rare: the
 * per-bucket and per-policy tag collections) copies that one collection and swaps it in.
 */
public final class ResourceStore {

  private final Estate estate;
  private final Map<String, Items<?>> cache = new ConcurrentHashMap<>();

  public ResourceStore(Estate estate) {
    this.estate = estate;
  }

  /** The estate the resources come from (for what is not per account, such as price lists). */
  public Estate estate() {
    return estate;
  }

  /**
   * How the items of a collection are found by id for {@link #update}: {@code ids} gives the ids
   * an item answers to (one for most resources; every instance's id for an EC2 reservation). The
   * name identifies the key: the store keeps one id index per name and collection, built on the
   * collection's first write.
   */
  public record ItemKey<T>(String name, Function<T, List<String>> ids) {

    /** A key with exactly one id per item. */
    public static <T> ItemKey<T> of(String name, Function<T, String> id) {
      return new ItemKey<>(name, item -> {
        String value = id.apply(item);
        return value == null ? List.of() : List.of(value);
      });
    }
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

  /**
   * The collection of the caller's account and the call's region as raw YAML data (mappings,
   * lists, scalars), after the region check, for estate entries that are not in the shape of one
   * SDK object (e.g. CloudWatch's metric series); empty when the estate has none.
   */
  public List<?> regionalRaw(CallContext ctx, String service, String collection) {
    RegionAccess.requireEnabled(estate, ctx);
    Object data = estate.resources().get(ctx.caller().accountId(), ctx.region(), service);
    Object items = data instanceof Map<?, ?> byCollection ? byCollection.get(collection) : null;
    if (items == null) {
      return List.of();
    }
    if (!(items instanceof List<?> list)) {
      throw new IllegalArgumentException("resources." + ctx.caller().accountId() + "." + ctx.region() + "."
          + service + "." + collection + ": expected a list");
    }
    return list;
  }

  /** The estate's simulation settings. */
  public EstateSettings settings() {
    return estate.settings();
  }

  /**
   * The collection as stored, empty when the estate has none. The list is read-only; it reflects
   * item replacements made after it was handed out, but not items added or removed since.
   */
  public <T extends SdkPojo> List<T> list(String account, String region, String service, String collection,
      Class<T> type) {
    return items(account, region, service, collection, type).list;
  }

  /**
   * The item of the caller's account's and the call's region's collection that answers to
   * {@code id}, or null; found through the id index (built on first use), not by a scan.
   */
  public <T extends SdkPojo> T findRegional(CallContext ctx, String service, String collection, Class<T> type,
      ItemKey<T> key, String id) {
    RegionAccess.requireEnabled(estate, ctx);
    return find(ctx.caller().accountId(), ctx.region(), service, collection, type, key, id);
  }

  /** The item of the caller's account's global collection that answers to {@code id}, or null. */
  public <T extends SdkPojo> T findGlobal(CallContext ctx, String service, String collection, Class<T> type,
      ItemKey<T> key, String id) {
    return find(ctx.caller().accountId(), RawResources.GLOBAL, service, collection, type, key, id);
  }

  /** The item that answers to {@code id}, or null. */
  public <T extends SdkPojo> T find(String account, String region, String service, String collection,
      Class<T> type, ItemKey<T> key, String id) {
    Items<T> items = items(account, region, service, collection, type);
    synchronized (items) {
      Integer at = items.index(key).get(id);
      return at == null ? null : items.list.get(at);
    }
  }

  /** {@link #update} in the caller's account and the call's region, after the region check. */
  public <T extends SdkPojo> T updateRegional(CallContext ctx, String service, String collection, Class<T> type,
      ItemKey<T> key, String id, UnaryOperator<T> change) {
    RegionAccess.requireEnabled(estate, ctx);
    return update(ctx.caller().accountId(), ctx.region(), service, collection, type, key, id, change);
  }

  /** {@link #update} in the caller's account's global resources. */
  public <T extends SdkPojo> T updateGlobal(CallContext ctx, String service, String collection, Class<T> type,
      ItemKey<T> key, String id, UnaryOperator<T> change) {
    return update(ctx.caller().accountId(), RawResources.GLOBAL, service, collection, type, key, id, change);
  }

  /**
   * Changes the item that answers to {@code id}, atomically with respect to every other update of
   * the collection: {@code change} gets the item (null when there is none) and returns what takes
   * its place (null: no item). Returns that. An exception thrown by {@code change} leaves the
   * collection as it was.
   */
  public <T extends SdkPojo> T update(String account, String region, String service, String collection,
      Class<T> type, ItemKey<T> key, String id, UnaryOperator<T> change) {
    Objects.requireNonNull(id, "id");
    Items<T> items = items(account, region, service, collection, type);
    synchronized (items) {
      Map<String, Integer> index = items.index(key);
      Integer at = index.get(id);
      T current = at == null ? null : items.list.get(at);
      T next = change.apply(current);
      if (at != null && next != null) {
        items.replace(at, current, next);
      } else if (at == null && next != null) {
        items.add(next);
      } else if (at != null) {
        items.remove(at);
      }
      return next;
    }
  }

  @SuppressWarnings("unchecked")
  private <T extends SdkPojo> Items<T> items(String account, String region, String service, String collection,
      Class<T> type) {
    String key = account + "/" + region + "/" + service + "/" + collection + "/" + type.getName();
    return (Items<T>) cache.computeIfAbsent(key,
        k -> new Items<>(new SlotList<>(build(account, region, service, collection, type))));
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
    return out;
  }

  /**
   * One collection: the list handed to readers, and the id indexes of its writers. The list is
   * swapped for a new one only when an item is added or removed; everything else is guarded by
   * the instance's monitor.
   */
  private static final class Items<T> {
    volatile SlotList<T> list;
    private final Map<String, Index<T>> indexes = new HashMap<>();

    Items(SlotList<T> list) {
      this.list = list;
    }

    Map<String, Integer> index(ItemKey<T> key) {
      return indexes.computeIfAbsent(key.name(), n -> new Index<>(key, list)).positions;
    }

    void replace(int at, T current, T next) {
      // an index whose ids the change touched no longer holds; it is rebuilt on the next write
      indexes.values().removeIf(i -> !i.key.ids().apply(current).equals(i.key.ids().apply(next)));
      list.swap(at, next);
    }

    void add(T item) {
      List<T> grown = new ArrayList<>(list.size() + 1);
      grown.addAll(list);
      grown.add(item);
      int at = list.size();
      list = new SlotList<>(grown);
      for (Index<T> index : indexes.values()) {
        index.key.ids().apply(item).forEach(id -> index.positions.putIfAbsent(id, at));
      }
    }

    void remove(int at) {
      List<T> shrunk = new ArrayList<>(list);
      shrunk.remove(at);
      list = new SlotList<>(shrunk);
      indexes.clear();
    }
  }

  /** Where each id's item is; the first item wins when two answer to one id, as a listing would find it. */
  private static final class Index<T> {
    final ItemKey<T> key;
    final Map<String, Integer> positions = new HashMap<>();

    Index(ItemKey<T> key, List<T> items) {
      this.key = key;
      for (int i = 0; i < items.size(); i++) {
        int at = i;
        key.ids().apply(items.get(i)).forEach(id -> positions.putIfAbsent(id, at));
      }
    }
  }

  /**
   * A fixed-size list whose slots the store replaces while readers iterate: each read is of a
   * whole item (an atomic reference), and no structural change ever happens, so iterators never
   * fail. Read-only to everyone but the store.
   */
  private static final class SlotList<T> extends AbstractList<T> implements RandomAccess {
    private final AtomicReferenceArray<T> slots;

    SlotList(List<T> items) {
      @SuppressWarnings("unchecked")
      T[] array = (T[]) items.toArray();
      this.slots = new AtomicReferenceArray<>(array);
    }

    @Override
    public T get(int index) {
      return slots.get(index);
    }

    @Override
    public int size() {
      return slots.length();
    }

    @Override
    public T set(int index, T item) {
      throw new UnsupportedOperationException("read-only");
    }

    @Override
    public Object[] toArray() {
      // one pass over the slots: List.copyOf and ArrayList(Collection) of a big listing stay cheap
      Object[] out = new Object[slots.length()];
      for (int i = 0; i < out.length; i++) {
        out[i] = slots.get(i);
      }
      return out;
    }

    void swap(int index, T item) {
      slots.set(index, item);
    }
  }
}
