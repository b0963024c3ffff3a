package io.resoto.worker.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.ZonedDateTime;
import java.util.Optional;

/** A five-field Unix cron expression (minute hour day-of-month month day-of-week). */
public final class CronSchedule {

  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final String expression;
  private final ExecutionTime execution;

  private CronSchedule(String expression, ExecutionTime execution) {
    this.expression = expression;
    this.execution = execution;
  }

  /** Parses; throws IllegalArgumentException with the parser's reason. */
  public static CronSchedule parse(String expression) {
    try {
      return new CronSchedule(expression, ExecutionTime.forCron(PARSER.parse(expression).validate()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid cron expression '" + expression + "': " + e.getMessage(), e);
    }
  }

  /** The first time strictly after {@code after} that matches. */
  public Optional<ZonedDateTime> nextAfter(ZonedDateTime after) {
    return execution.nextExecution(after);
  }

  public String expression() {
    return expression;
  }

  @Override
  public String toString() {
    return expression;
  }
}
