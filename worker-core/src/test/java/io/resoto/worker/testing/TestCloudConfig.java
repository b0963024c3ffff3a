package io.resoto.worker.testing;

import io.resoto.worker.spi.Doc;
import java.util.List;

/** Config of the {@code testcloud} plugin: what it should do in a run. */
public record TestCloudConfig(
    @Doc("ok, fail_init, fail_collect, hang, dangling_edge, ignore_cancel") String mode,
    @Doc("Accounts to produce.") int accounts,
    @Doc("Instances per account.") int instances,
    @Doc("Milliseconds to sleep before each account.") int delayMs,
    @Doc("Account ids (1-based) that get an error reported in region us-west-2.") List<Integer> failRegionFor,
    @Doc("Account ids (1-based) that fail as a whole: an account-level error, no graph.") List<Integer> failAccount,
    @Doc("What autoEnable does: no, yes, throw, or block (until interrupted).") String autoEnable) {

  public static final TestCloudConfig DEFAULTS = new TestCloudConfig("ok", 2, 3, 0, List.of(), List.of(), "no");
}
