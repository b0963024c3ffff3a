package io.resoto.worker.testing;

import io.resoto.worker.graph.Model;
import io.resoto.worker.run.RunSummary;
import io.resoto.worker.sink.GraphDelivery;
import io.resoto.worker.sink.GraphSink;
import io.resoto.worker.sink.RunInfo;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink that keeps what it is given, in order, for assertions. */
public final class RecordingSink implements GraphSink {

  public final List<String> events = new CopyOnWriteArrayList<>();
  public final List<GraphDelivery> deliveries = new CopyOnWriteArrayList<>();
  public volatile Model model;
  public volatile RunSummary summary;
  public volatile boolean failDeliveries;

  @Override
  public void runStarted(RunInfo run, Model model) {
    this.model = model;
    events.add("started " + run.runId());
  }

  @Override
  public void deliver(RunInfo run, GraphDelivery delivery) throws IOException {
    if (failDeliveries) {
      throw new IOException("disk full");
    }
    deliveries.add(delivery);
    events.add("delivered " + delivery.account());
  }

  @Override
  public String runFinished(RunInfo run, RunSummary summary) {
    this.summary = summary;
    events.add("finished " + run.runId());
    return "memory";
  }

  @Override
  public String unusableReason() {
    return null;
  }

  @Override
  public String describe() {
    return "memory";
  }
}
