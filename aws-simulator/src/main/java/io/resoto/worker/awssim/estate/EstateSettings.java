package io.resoto.worker.awssim.estate;

import java.time.Duration;
import java.util.Optional;

/**
 * Knobs of the simulation.
 *
 * @param assumedRoleLifetimeSeconds when set, every minted session lives this long whatever was
 *     requested, so credential refresh can be exercised in seconds; null keeps AWS's behaviour
 */
public record EstateSettings(Integer assumedRoleLifetimeSeconds) {

  public static final EstateSettings DEFAULTS = new EstateSettings(null);

  public Optional<Duration> assumedRoleLifetime() {
    return Optional.ofNullable(assumedRoleLifetimeSeconds).map(Duration::ofSeconds);
  }
}
