package io.resoto.worker.sink;

import io.resoto.worker.graph.Model;
import io.resoto.worker.run.RunSummary;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers to a primary sink and keeps a copy in a second one: with a core and {@code
 * debug_dump_json: true}, the graphs go to the core and each run is also written to data_dir like
 * the embedded sink does. The primary decides the outcome; a failing copy is only logged.
 */
public final class TeeSink implements GraphSink {

  private static final Logger log = LoggerFactory.getLogger(TeeSink.class);

  private final GraphSink primary;
  private final GraphSink copy;

  public TeeSink(GraphSink primary, GraphSink copy) {
    this.primary = primary;
    this.copy = copy;
  }

  @Override
  public void runStarted(RunInfo run, Model model) throws IOException {
    primary.runStarted(run, model);
    try {
      copy.runStarted(run, model);
    } catch (IOException | RuntimeException e) {
      log.warn("keeping a copy of run {} in {} failed: {}", run.runId(), copy.describe(), e.getMessage());
    }
  }

  @Override
  public void deliver(RunInfo run, GraphDelivery delivery) throws IOException {
    try {
      copy.deliver(run, delivery);
    } catch (IOException | RuntimeException e) {
      log.warn("keeping a copy of the graph of {} in {} failed: {}", delivery.fileStem(), copy.describe(),
          e.getMessage());
    }
    primary.deliver(run, delivery);
  }

  @Override
  public String runFinished(RunInfo run, RunSummary summary) throws IOException {
    String where = primary.runFinished(run, summary);
    try {
      String copied = copy.runFinished(run, summary.withLocation(where));
      return where + "; copy in " + copied;
    } catch (IOException | RuntimeException e) {
      log.warn("keeping a copy of run {} in {} failed: {}", run.runId(), copy.describe(), e.getMessage());
      return where;
    }
  }

  @Override
  public String unusableReason() {
    return primary.unusableReason();
  }

  @Override
  public String describe() {
    return primary.describe() + ", with a copy in " + copy.describe();
  }
}
