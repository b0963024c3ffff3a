package io.resoto.worker.app;

import io.resoto.worker.cli.WorkerCli;

/** {@code java -jar worker.jar}: the worker with every plugin on the class path. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    WorkerCli.main(args);
  }
}
