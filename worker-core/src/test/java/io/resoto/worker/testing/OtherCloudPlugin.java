package io.resoto.worker.testing;

/** A second test collector, to run two plugins in one run. */
public final class OtherCloudPlugin extends TestCloudPlugin {
  @Override
  public String name() {
    return "othercloud";
  }
}
