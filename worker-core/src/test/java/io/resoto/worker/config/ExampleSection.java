package io.resoto.worker.config;

import io.resoto.worker.spi.Doc;
import io.resoto.worker.spi.Secret;
import java.util.List;

/** A plugin section as a collector would register it, for tests. */
record ExampleSection(
    @Doc("Number of example accounts.") int accounts,
    @Doc("Token of the example API.") Secret token,
    @Doc("Regions to collect.") List<String> regions) {

  public static final ExampleSection DEFAULTS = new ExampleSection(1, null, List.of("us-east-1"));
}
