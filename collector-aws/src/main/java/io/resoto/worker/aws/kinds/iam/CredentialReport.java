package io.resoto.worker.aws.kinds.iam;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/**
 * The IAM credential report: one CSV row per user plus {@code <root_account>}. It is the only
 * source of password and MFA state of users and of the root user. Generating it is asynchronous:
 * as the original, it is polled for at most five minutes.
 */
final class CredentialReport {

  /** The user name of the root account's row. */
  static final String ROOT = "<root_account>";

  private static final long MAX_WAIT_MILLIS = 5 * 60 * 1000L;

  private final Map<String, Map<String, String>> rows;

  private CredentialReport(Map<String, Map<String, String>> rows) {
    this.rows = rows;
  }

  /** Generates (if needed) and reads the report. */
  static CredentialReport read(IamClient iam) throws InterruptedException {
    long deadline = System.currentTimeMillis() + MAX_WAIT_MILLIS;
    GenerateCredentialReportResponse state = iam.generateCredentialReport();
    while (state.state() != ReportStateType.COMPLETE && System.currentTimeMillis() < deadline) {
      Thread.sleep(1000);
      state = iam.generateCredentialReport();
    }
    String csv = iam.getCredentialReport().content().asString(StandardCharsets.UTF_8);
    return parse(csv);
  }

  static CredentialReport parse(String csv) {
    String[] lines = csv.split("\r?\n");
    Map<String, Map<String, String>> rows = new HashMap<>();
    if (lines.length == 0) {
      return new CredentialReport(rows);
    }
    String[] header = lines[0].split(",", -1);
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] cells = lines[i].split(",", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < header.length && c < cells.length; c++) {
        row.put(header[c], cells[c]);
      }
      rows.put(row.get("user"), row);
    }
    return new CredentialReport(rows);
  }

  /** The row of this user (or {@link #ROOT}), empty when the report has none. */
  Map<String, String> row(String user) {
    return rows.getOrDefault(user, Map.of());
  }

  /** A "true"/"false" cell; anything else (N/A, not_supported) is unknown. */
  static Boolean bool(Map<String, String> row, String column) {
    String v = row.get(column);
    return "true".equals(v) ? Boolean.TRUE : "false".equals(v) ? Boolean.FALSE : null;
  }

  /** A timestamp cell; N/A, no_information and not_supported are unknown. */
  static Instant time(Map<String, String> row, String column) {
    String v = row.get(column);
    if (v == null || v.isEmpty()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
