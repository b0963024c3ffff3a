package io.resoto.worker.graph;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one security or compliance provider (e.g. {@code ssm}, {@code guard_duty}) found about a
 * node, exported in the node's {@code metadata.assessments} as the original's {@code Assessment}:
 * {@code {"provider", "findings": [...]}}. Not part of the node's id.
 *
 * @param provider the provider name, e.g. {@code ssm}
 * @param findings what it found, at least one
 */
public record Assessment(String provider, List<Finding> findings) {

  public Assessment {
    if (provider == null || provider.isEmpty()) {
      throw new IllegalArgumentException("provider must not be empty");
    }
    findings = List.copyOf(Objects.requireNonNull(findings, "findings"));
  }

  /**
   * One finding, exported as {@code {"title", "severity", "description", "remediation",
   * "updated_at", "details"}} with absent (null) fields left out.
   *
   * @param title short title, required
   * @param severity {@code info}, {@code low}, {@code medium}, {@code high} or {@code critical}
   *     (the original's Severity values), required
   * @param description longer text, or null
   * @param remediation how to fix it, or null
   * @param updatedAt when the provider last evaluated it, or null
   * @param details provider-specific values (JSON values as node properties take them), or empty
   */
  public record Finding(String title, String severity, String description, String remediation, Instant updatedAt,
      Map<String, Object> details) {

    /** The severities the original knows, lowest first. */
    public static final List<String> SEVERITIES = List.of("info", "low", "medium", "high", "critical");

    public Finding {
      if (title == null || title.isEmpty()) {
        throw new IllegalArgumentException("finding title must not be empty");
      }
      if (!SEVERITIES.contains(severity)) {
        throw new IllegalArgumentException("finding severity must be one of " + SEVERITIES + ", got " + severity);
      }
      details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
  }
}
