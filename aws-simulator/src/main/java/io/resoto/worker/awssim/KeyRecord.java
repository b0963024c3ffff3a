package io.resoto.worker.awssim;

import java.time.Instant;

/**
 * A known access key: its secret (to verify signatures), the session token that must accompany
 * temporary credentials (null for long-term keys), when temporary credentials expire (null: never)
 * and whose they are.
 */
public record KeyRecord(
    String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration, Identity identity) {}
