package io.resoto.worker.awssim.resources;

import io.resoto.worker.awssim.HandlerRegistry;

/** The resource listings of one service (or group of kinds), served from the estate. */
public interface ResourceApi {

  /** Registers this group's handlers; they read the estate through {@code store}. */
  void register(HandlerRegistry registry, ResourceStore store);
}
