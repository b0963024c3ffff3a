package io.resoto.worker.awssim.estate;

import java.time.Duration;
import java.util.Optional;

/**
 * Knobs of the simulation.
 *
 * @param assumedRoleLifetimeSeconds when set, every minted session lives this long whatever was
 *     requested, so credential refresh can be exercised in seconds; null keeps AWS's behaviour
 * @param metricDatapointsPerPage the most datapoints one CloudWatch GetMetricData page carries;
 *     null keeps AWS's 100,800. Small values make clients follow NextToken with small estates.
 */
public record EstateSettings(Integer assumedRoleLifetimeSeconds, Integer metricDatapointsPerPage) {

  /** AWS's page size of GetMetricData: 100,800 datapoints. */
  public static final int AWS_METRIC_DATAPOINTS_PER_PAGE = 100_800;

  public static final EstateSettings DEFAULTS = new EstateSettings(null, null);

  /** Settings with AWS's GetMetricData page size. */
  public EstateSettings(Integer assumedRoleLifetimeSeconds) {
    this(assumedRoleLifetimeSeconds, null);
  }

  public Optional<Duration> assumedRoleLifetime() {
    return Optional.ofNullable(assumedRoleLifetimeSeconds).map(Duration::ofSeconds);
  }

  /** The GetMetricData page size in datapoints. */
  public int metricDataPageSize() {
    return metricDatapointsPerPage == null ? AWS_METRIC_DATAPOINTS_PER_PAGE : metricDatapointsPerPage;
  }
}
