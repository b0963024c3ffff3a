package io.resoto.worker.awssim;

/**
 * Who makes a call: the account, the principal's ARN (a user, an assumed-role session, the
 * account root) and its unique id, as {@code sts:GetCallerIdentity} reports them.
 */
public record Identity(String accountId, String arn, String userId) {}
