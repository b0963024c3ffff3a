package io.resoto.worker.testing;

import io.resoto.worker.graph.ModelKind;
import io.resoto.worker.spi.CollectContext;
import io.resoto.worker.spi.CollectorPlugin;
import io.resoto.worker.spi.TagTarget;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A collector for tag task tests that changes tags of nothing: {@link #CALLS} records every call
 * as "instance-number call", across instances. Not registered in META-INF/services.
 */
public final class TagCloudPlugin implements CollectorPlugin<TagCloudConfig> {

  public static final ConcurrentLinkedQueue<String> CALLS = new ConcurrentLinkedQueue<>();
  public static final ConcurrentLinkedQueue<TagTarget> TARGETS = new ConcurrentLinkedQueue<>();
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final int instance = INSTANCES.incrementAndGet();
  private TagCloudConfig initialised;

  @Override
  public String name() {
    return "tagcloud";
  }

  @Override
  public Class<TagCloudConfig> configType() {
    return TagCloudConfig.class;
  }

  @Override
  public List<ModelKind> kinds() {
    return List.of();
  }

  @Override
  public boolean supportsTags() {
    return true;
  }

  @Override
  public void init(TagCloudConfig config) {
    initialised = config;
    CALLS.add(instance + " init " + config.label());
  }

  @Override
  public void collect(CollectContext context) {
    throw new UnsupportedOperationException("tagcloud collects nothing");
  }

  @Override
  public void updateTag(TagCloudConfig config, TagTarget target, String key, String value) {
    check(config, key);
    TARGETS.add(target);
    CALLS.add(instance + " update " + key + "=" + value);
  }

  @Override
  public void deleteTag(TagCloudConfig config, TagTarget target, String key) {
    check(config, key);
    TARGETS.add(target);
    CALLS.add(instance + " delete " + key);
  }

  private void check(TagCloudConfig config, String key) {
    if (config != initialised) {
      throw new AssertionError("tag call with another config than init's");
    }
    if (config.refuse().contains(key)) {
      throw new IllegalStateException("AccessDenied: not allowed to tag with " + key);
    }
  }

  @Override
  public void close() {
    CALLS.add(instance + " close");
  }

  /** Clears the records. */
  public static void reset() {
    CALLS.clear();
    TARGETS.clear();
  }
}
