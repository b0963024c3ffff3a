package io.resoto.worker.testing;

import io.resoto.worker.spi.Doc;
import java.util.List;

/** Config of the {@code tagcloud} test plugin. */
public record TagCloudConfig(
    @Doc("Tag keys whose update or delete the cloud refuses.") List<String> refuse,
    @Doc("A label the plugin records with each call, to see which config a task used.") String label) {

  public static final TagCloudConfig DEFAULTS = new TagCloudConfig(List.of(), "default");
}
