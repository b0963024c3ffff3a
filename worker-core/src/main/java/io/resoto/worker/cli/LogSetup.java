package io.resoto.worker.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.net.URL;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/** Chooses the log format (text or JSON lines) and level once the command line is parsed. */
public final class LogSetup {

  /** The two formats. */
  public enum Format {
    TEXT,
    JSON;

    static Format parse(String s) {
      return Format.valueOf(s.trim().toUpperCase(Locale.ROOT));
    }
  }

  private LogSetup() {}

  /**
   * Reconfigures Logback from {@code resotoworker-logback-<format>.xml} with the given level for
   * the worker's own loggers. Logs go to standard error, so that a command's output on standard
   * output stays clean.
   */
  public static void apply(Format format, String level) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return; // another SLF4J binding: its own configuration rules
    }
    String resource = "resotoworker-logback-" + format.name().toLowerCase(Locale.ROOT) + ".xml";
    URL url = LogSetup.class.getClassLoader().getResource(resource);
    if (url == null) {
      return;
    }
    context.reset();
    context.putProperty("WORKER_LOG_LEVEL", level);
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(url);
    } catch (JoranException e) {
      System.err.println("logging setup failed: " + e.getMessage());
    }
  }
}
